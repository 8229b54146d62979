"""Text that grows must still fit: Streamlit cuts some labels to one line with an ellipsis. The
chips of a multiselect were cut at about 130 px, in English too ("2025 · Lianyungang (ed…"), the
sidebar's link to the current page (bold, so wider) was cut, and a tile's label or change is cut as soon as a translation is longer than the column. These rules let
them wrap instead. Found by the pseudo-locale's browser test (tests/e2e/test_pseudo_browser.py),
which renders every page with every message about 40 % longer."""

_WRAP = "white-space:normal !important;overflow:visible !important;text-overflow:clip !important"

# A chip wraps only where its text has a space or punctuation, never inside a Chinese word or a bracketed
# unit ('2025年·连云港' / '（第二届）', not '（第二' / '届）'). Text with spaces breaks as before.
_KEEP = "word-break:keep-all"

# Streamlit draws a table's toolbar (search, download, full screen) in a strip above the table, over the end
# of whatever stands there (a heading, a caption): the table keeps that strip free instead.
TABLE_TOOLBAR_ROOM = "1.5rem"  # with the 1rem gap: clear of the buttons (about 36 px above the table)
# Running text and headings avoid a last line of one or two characters ('…列明13' / '个。'): the browser
# balances the last lines (CSS text-wrap: pretty; ignored by browsers without it).
_PRETTY = "text-wrap:pretty"

# Page titles (h1): Streamlit draws them at 2.75rem (44 px) at every width, so on a 390 px phone (about 358 px
# for text) a Chinese title of eight or nine characters (参会方来源地分布, 移民管理合作分论坛) broke before its
# last character, left alone on a second line. Below Streamlit's small-screen breakpoint (640 px) a title is
# 2.25rem (nine characters: 324 px), and a title of two or more lines has lines of about equal length
# (text-wrap: balance), never a lone word or character on the last. Section headings (h2, h3) likewise:
# 'pretty' left '两届公开来源列明的参会' / '方' at 390 px; 'balance' gives two lines of about equal length.
HEADING_FIT = "@media (max-width:640px){h1{font-size:2.25rem !important}}h1,h2,h3{text-wrap:balance}"

TEXT_FIT_CSS = (
    "<style>"
    + HEADING_FIT
    + f'[data-testid="stElementContainer"]:has([data-testid="stDataFrame"]){{margin-top:{TABLE_TOOLBAR_ROOM}}}'
    f'[data-testid="stMarkdownContainer"] :is(p,li,h4),[data-testid="stCaptionContainer"]{{{_PRETTY}}}'
    f'[data-testid="stMultiSelectTagsContainer"] span{{{_WRAP};max-width:none !important;height:auto !important;{_KEEP}}}'
    f'[data-testid="stPageLink-NavLink"] span{{{_WRAP}}}'
    f'[data-testid="stMetricLabel"] .stMarkdownEllipsis,[data-testid="stMetricDelta"] .stMarkdownEllipsis{{{_WRAP}}}'
    "</style>"
)

# Captions (chart descriptions, notes, source lines): Streamlit fades them (about 3.8:1 for text and 3:1 for
# links on white, below WCAG AA; axe: serious). Drawn solid in a dark grey instead.
CAPTION_CSS = (
    '<style>[data-testid="stCaptionContainer"],[data-testid="stCaptionContainer"] *{opacity:1 !important}'
    '[data-testid="stCaptionContainer"]{color:#4E525C !important}'
    '[data-testid="stCaptionContainer"] a{color:#0B5394 !important}</style>'
)
