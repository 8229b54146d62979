"""Loaded into the streamlit server started by the e2e harness (PYTHONPATH): any attempt to
open a connection to an address outside this machine is refused and written to NETGUARD_LOG,
so the tests can prove the server side makes no external request either."""

import ipaddress
import os
import socket

_LOG = os.environ.get("NETGUARD_LOG")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "", None}


def _is_local(address) -> bool:
    if not isinstance(address, tuple):  # unix sockets
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _record(address) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{address!r}\n")


def connect(self, address):
    if not _is_local(address):
        _record(address)
        raise OSError(f"netguard: external connection to {address!r} refused")
    return _connect(self, address)


def connect_ex(self, address):
    if not _is_local(address):
        _record(address)
        return 111
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOCAL_NAMES and name != socket.gethostname():
        try:
            local = ipaddress.ip_address(str(name).split("%")[0]).is_loopback
        except ValueError:
            local = False
        if not local:
            _record(("dns", name))
            raise socket.gaierror(socket.EAI_NONAME, f"netguard: lookup of {name!r} refused")
    return _getaddrinfo(host, *args, **kwargs)


if _LOG:
    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
