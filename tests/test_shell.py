"""The early shell (dashboard.ui.shell, served by ``streamlit run serve.py``): Streamlit's page documents get
the stylesheet and the width script once, before ``</head>``; everything else passes as Streamlit made it,
with lengths and encodings that match the bytes sent. Driven with small ASGI apps standing in for
Streamlit (fixtures with known bytes), and once against the real ``st.App`` of serve.py."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import re
from pathlib import Path

import pytest

from dashboard.ui import shell

REPO = Path(__file__).resolve().parents[1]
PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body><div id='root'></div></body></html>"
HEAD = b"<style data-dashboard-shell>x{}</style>"


def respond(body: bytes, ctype: bytes = b"text/html; charset=utf-8", status: int = 200, extra=(), chunks: int = 1):
    """An ASGI app answering every request with ``body`` (in ``chunks`` parts); it records the scopes."""
    seen: list[dict] = []

    async def app(scope, receive, send):
        seen.append(scope)
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *extra]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        if scope["method"] == "HEAD":
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        size = max(1, -(-len(body) // chunks))
        parts = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})

    app.seen = seen
    return app


def run_alone(coro) -> None:
    """Run ``coro`` on an event loop of its own thread: in the full suite the browser tests' sync
    Playwright (a session fixture) keeps an event loop running in the main thread, where asyncio.run()
    refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coro).result()


def call(app, path: str = "/", method: str = "GET", headers=(), scope_type: str = "http"):
    """The response as (status, headers dict, body bytes)."""
    sent: list[dict] = []
    scope = {"type": scope_type, "method": method, "path": path, "root_path": "", "headers": list(headers)}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    run_alone(shell.EarlyShell(app, head=HEAD)(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode().lower(): v.decode() for k, v in start["headers"]}, body


@pytest.mark.parametrize("path", ["/", "/Map", "/Countries_and_regions"])
def test_a_page_document_gets_the_head_once_before_head_end(path):
    status, headers, body = call(respond(PAGE, chunks=3), path)
    assert status == 200
    assert body.count(HEAD) == 1
    assert body == PAGE.replace(b"</head>", HEAD + b"</head>")
    assert int(headers["content-length"]) == len(body)


def test_a_page_already_changed_is_not_changed_twice():
    once = PAGE.replace(b"</head>", HEAD + b"</head>")
    status, headers, body = call(respond(once), "/")
    assert body == once and int(headers["content-length"]) == len(once)


def test_no_head_end_passes_unchanged():
    page = b"<html><body>no head here</body></html>"
    _, headers, body = call(respond(page, extra=[(b"etag", b'"abc"')]), "/")
    assert body == page
    assert headers["content-length"] == str(len(page)) and headers["etag"] == '"abc"'


@pytest.mark.parametrize(
    ("path", "ctype", "body"),
    [
        ("/static/js/index.js", b"text/javascript", b"const a = '</head>';"),
        ("/_stcore/health", b"text/plain", b"ok"),
        ("/component/dashboard.ui.viewport.viewport/index.html", b"text/html", PAGE),
        ("/app/static/geo/cn/world_50m.json", b"application/json", b'{"</head>": 1}'),
        ("/media/abc.png", b"image/png", b"\x89PNG</head>"),
        ("/Map", b"application/json", b'{"a": "</head>"}'),
    ],
)
def test_other_responses_pass_untouched(path, ctype, body):
    app = respond(body, ctype=ctype, extra=[(b"etag", b'"x1"')])
    status, headers, out = call(app, path, headers=[(b"if-none-match", b'"x1"')])
    assert (status, out) == (200, body)
    assert headers["content-length"] == str(len(body)) and headers["etag"] == '"x1"'
    if shell.is_page_path(path):  # a page's path answered with something else: the answer is kept as it is
        assert path == "/Map"
    else:  # and requests for Streamlit's code, API, components, media: unchanged too
        assert (b"if-none-match", b'"x1"') in app.seen[0]["headers"]


def test_an_error_page_passes_untouched():
    _, headers, out = call(respond(PAGE, status=404), "/nowhere")
    assert out == PAGE and headers["content-length"] == str(len(PAGE))


def test_websockets_and_other_methods_pass_untouched():
    app = respond(PAGE)
    for scope_type, method in (("websocket", "GET"), ("http", "POST")):
        _, _, out = call(app, "/_stcore/stream" if scope_type == "websocket" else "/", method, scope_type=scope_type)
        assert out == PAGE


def test_a_gzipped_page_is_decoded_changed_and_encoded_again():
    packed = gzip.compress(PAGE)
    app = respond(packed, extra=[(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")])
    _, headers, body = call(app, "/Map", headers=[(b"accept-encoding", b"gzip")])
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(body)
    assert gzip.decompress(body) == PAGE.replace(b"</head>", HEAD + b"</head>")


def test_another_encoding_passes_unchanged():
    app = respond(b"\x00br-bytes</head>", extra=[(b"content-encoding", b"br")])
    _, headers, body = call(app, "/Map")
    assert body == b"\x00br-bytes</head>" and headers["content-encoding"] == "br"


def test_head_request_gets_the_changed_length_and_no_body():
    app = respond(PAGE)
    status, headers, body = call(app, "/Map", method="HEAD")
    _, got, full = call(app, "/Map")
    assert status == 200 and body == b""
    assert headers["content-length"] == got["content-length"] == str(len(full))


def test_the_document_is_always_sent_whole_and_fresh():
    """A cached copy from before (no early shell, or another version of it) is never revalidated with a 304,
    and no byte range of the changed document is served: the conditional and range headers are dropped and
    the file's validators are not sent with the changed bytes."""
    app = respond(PAGE, extra=[(b"etag", b'"f1"'), (b"last-modified", b"Sun, 06 Dec 2026 10:00:00 GMT")])
    asked = [(b"if-none-match", b'"f1"'), (b"if-modified-since", b"Sun"), (b"range", b"bytes=0-9"), (b"x-keep", b"1")]
    _, headers, body = call(app, "/", headers=asked)
    assert app.seen[0]["headers"] == [(b"x-keep", b"1")]
    assert "etag" not in headers and "last-modified" not in headers
    assert HEAD in body


def test_base_url_path_is_understood():
    app = respond(b"const x = '</head>'", ctype=b"text/html")
    scope = {"type": "http", "method": "GET", "path": "/dash/static/x.html", "root_path": "", "headers": []}
    sent = []

    async def receive():
        return {"type": "http.request"}

    async def send(m):
        sent.append(m)

    run_alone(shell.EarlyShell(app, head=HEAD, base_url="/dash/")(scope, receive, send))
    assert sent[-1]["body"] == b"const x = '</head>'"


def test_the_script_computes_the_probes_steps():
    """The inline script uses the probe's cookie and step, and reads no address outside the page."""
    js = shell.EARLY_JS
    assert f'"{shell.COOKIE}="' in js and "path=/" in js
    probe = (REPO / "src/dashboard/ui/assets/viewport/index.html").read_text(encoding="utf-8")
    assert f"var STEP = {shell.STEP_PX};" in probe
    assert shell.COOKIE in probe
    assert not re.search(r"https?://", js + shell.early_css(0.5))


def test_serve_py_serves_app_py_through_the_middleware(monkeypatch):
    """``streamlit run serve.py`` finds ``app`` (Streamlit's own discovery) and it wraps app.py with the
    early shell, whose stylesheet carries the styles the pages send late."""
    from streamlit import config
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(REPO / "serve.py")
    assert found.is_asgi_app and found.import_string == "serve:app"
    # st.App pins the process's script path when none is set: undone after this test
    monkeypatch.setattr(config, "_main_script_path", config._main_script_path)
    import serve

    assert Path(serve.app._script_path).name == "app.py"
    (mw,) = serve.app._user_middleware
    assert mw.cls is shell.EarlyShell
    head = mw.kwargs["head"].decode()
    assert head.count("<style data-dashboard-shell>") == 1 and head.count("<script data-dashboard-shell>") == 1
    assert "stCaptionContainer" in head and "stMultiSelectTagsContainer" in head and "st-key-map-frame" in head
