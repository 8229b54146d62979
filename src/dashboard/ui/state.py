"""Page state in the URL: widgets whose value lives in a query parameter.

Streamlit's ``bind="query-params"`` matches the URL against the *formatted*
label when a ``format_func`` is given (``?edition=2024 · Suzhou (edition 1)``), so
these helpers bind by hand: the URL holds the plain value (``?edition=2024``), an
unknown value falls back to the default with a notice, and the default is left
out of the URL so links stay short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ..formatting import format_list
from ..i18n import get_language, t


def _widget_key(param: str) -> str:
    return f"url_{param}"


def _sync(param: str, default: Any, many: bool) -> None:
    value = st.session_state[_widget_key(param)]
    if many:
        if list(value) == list(default):
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = ",".join(str(v) for v in value)
    elif value == default or value is None:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = str(value)


def url_value(param: str, options: Sequence[Any], default: Any, parse: Callable[[str], Any] | None = None) -> Any:
    """The option named by ``?param=``; the default (and a notice) when it names none.
    ``parse`` maps other spellings that old links used (English labels) to an option."""
    raw = st.query_params.get(param)
    if raw is None:
        return default
    by_str = {str(o): o for o in options}
    if raw in by_str:
        return by_str[raw]
    if parse is not None and parse(raw) in options:
        return parse(raw)
    st.toast(t("Unknown value {value!r} for '{param}' in the link; showing the default.", value=raw, param=param))
    st.query_params.pop(param, None)
    return default


def url_values(
    param: str, options: Sequence[Any], default: Sequence[Any], parse: Callable[[str], Any] | None = None
) -> list[Any]:
    raw = st.query_params.get(param)
    if raw is None:
        return list(default)
    by_str = {str(o): o for o in options}
    if parse is not None:  # old links: English labels instead of codes
        by_str.update({p: parse(p) for p in raw.split(",") if p not in by_str and parse(p) in options})
    picked = list(dict.fromkeys(by_str[p] for p in raw.split(",") if p in by_str))
    unknown = [p for p in raw.split(",") if p and p not in by_str]
    if unknown:
        lang = get_language()
        st.toast(t("Ignored unknown value(s) in the link: {values}", values=format_list(unknown, lang=lang), lang=lang))
    return picked


def url_selectbox(
    label: str,
    options: Sequence[Any],
    param: str,
    default: Any,
    format_func: Callable[[Any], str] = str,
    parse: Callable[[str], Any] | None = None,
    **kwargs: Any,
) -> Any:
    current = url_value(param, options, default, parse)
    return st.selectbox(
        label,
        list(options),
        index=list(options).index(current),
        key=_widget_key(param),
        format_func=format_func,
        on_change=_sync,
        args=(param, default, False),
        **kwargs,
    )


def url_multiselect(
    label: str,
    options: Sequence[Any],
    param: str,
    default: Sequence[Any],
    format_func: Callable[[Any], str] = str,
    parse: Callable[[str], Any] | None = None,
    **kwargs: Any,
) -> list[Any]:
    current = url_values(param, options, default, parse)
    return st.multiselect(
        label,
        list(options),
        default=current,
        key=_widget_key(param),
        format_func=format_func,
        on_change=_sync,
        args=(param, list(default), True),
        **kwargs,
    )
