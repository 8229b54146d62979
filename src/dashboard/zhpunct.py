"""Full-width punctuation in Chinese data fields: the display form of what a source writes.

Chinese sources (and mirrors of them) often type ASCII punctuation inside Chinese text:
"全球公共安全合作论坛(连云港)", "合作共赢,共同应对…", "入境事务处(入境处)处长"; this project's
own transcription joined two bodies with " / ". Chinese copy uses full-width marks (house style,
/work/shared/notes/zh-style-guide.md, rule 7 and rows 17-19, 36-37). The build keeps the
source's form (``*_as_written``, topics' ``text``) and shows this one.

Only punctuation touching a Chinese character changes: "GS(2023)2767", a Latin name or a URL
inside Chinese text stays as it is. Pure standard library, cheap to import anywhere.
"""

from __future__ import annotations

import re

_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_OPEN = re.compile(rf"(?<=[{_CJK}])\s*\(\s*|\s*\(\s*(?=[{_CJK}])")
_CLOSE = re.compile(rf"(?<=[{_CJK}])\s*\)\s*|\s*\)\s*(?=[{_CJK}])")
_COMMA = re.compile(rf"(?<=[{_CJK}]),\s*")
_COLON = re.compile(rf"(?<=[{_CJK}]):\s*")
_SEMICOLON = re.compile(rf"(?<=[{_CJK}]);\s*")
_SLASH = re.compile(rf"(?<=[{_CJK}])\s+/\s+(?=[{_CJK}])")


def zh_punctuation(value: str | None) -> str:
    """``value`` with the ASCII ( ) , : ; next to Chinese characters made full-width, and the
    project's " / " between two Chinese names made 、. Empty for None."""
    if not value:
        return ""
    s = _OPEN.sub("（", value)
    s = _CLOSE.sub("）", s)
    s = _COMMA.sub("，", s)
    s = _COLON.sub("：", s)
    s = _SEMICOLON.sub("；", s)
    return _SLASH.sub("、", s)
