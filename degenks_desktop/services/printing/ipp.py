"""Asking a CUPS server how a job and a queue are doing, over IPP/1.1 (RFC 8010/8011).

Only the two questions the app asks: Get-Job-Attributes and Get-Printer-Attributes,
read with the standard library over CUPS's local socket or TCP. `lpstat` shows a job's
state only in words of the moment; IPP gives the numbers (pending, held, processing,
stopped, cancelled, aborted, completed) and the reasons as keywords.
"""

from __future__ import annotations

import getpass
import http.client
import itertools
import socket
import struct
from collections.abc import Iterable
from urllib.parse import quote

GET_PRINTER_ATTRIBUTES = 0x000B
GET_JOB_ATTRIBUTES = 0x0009

OPERATION_GROUP, JOB_GROUP, END_OF_ATTRIBUTES, PRINTER_GROUP = 0x01, 0x02, 0x03, 0x04
INTEGER, BOOLEAN, ENUM = 0x21, 0x22, 0x23
TEXT, NAME, KEYWORD, URI, CHARSET, LANGUAGE = 0x41, 0x42, 0x44, 0x45, 0x47, 0x48
TIMEOUT_S = 5.0
_request_ids = itertools.count(1)

Attributes = dict[str, list[object]]


class IppError(OSError):
    """The server cannot be reached, or it answered something other than IPP success."""


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over CUPS's local socket (a path such as /run/cups/cups.sock)."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def _connection(server: str) -> http.client.HTTPConnection:
    """A connection to `server` as CUPS names one: a socket path, host, or host:port."""
    if server.startswith("/"):
        return _UnixConnection(server, TIMEOUT_S)
    host, port = server, 631
    if server.startswith("["):  # [v6 address]:port
        bracket = server.index("]")
        host, rest = server[1:bracket], server[bracket + 1 :]
        port = int(rest[1:]) if rest.startswith(":") else 631
    elif server.count(":") == 1:
        host, port_text = server.split(":")
        port = int(port_text)
    return http.client.HTTPConnection(host, port, timeout=TIMEOUT_S)


def _attribute(tag: int, name: str, values: Iterable[bytes]) -> bytes:
    out = b""
    for index, value in enumerate(values):
        key = name.encode() if index == 0 else b""
        out += struct.pack(">BH", tag, len(key)) + key + struct.pack(">H", len(value)) + value
    return out


def _request(operation: int, attributes: list[tuple[int, str, list[bytes]]]) -> bytes:
    body = struct.pack(">BBHI", 1, 1, operation, next(_request_ids))
    body += bytes([OPERATION_GROUP])
    body += _attribute(CHARSET, "attributes-charset", [b"utf-8"])
    body += _attribute(LANGUAGE, "attributes-natural-language", [b"en"])
    for tag, name, values in attributes:
        body += _attribute(tag, name, values)
    return body + bytes([END_OF_ATTRIBUTES])


def _decode(tag: int, value: bytes) -> object:
    if tag in (INTEGER, ENUM) and len(value) == 4:
        return struct.unpack(">i", value)[0]
    if tag == BOOLEAN and len(value) == 1:
        return value != b"\x00"
    if 0x40 <= tag <= 0x4F:
        return value.decode("utf-8", "replace")
    return value


def parse_response(data: bytes) -> tuple[int, Attributes]:
    """The status code and the attributes (every group together) of an IPP response."""
    if len(data) < 9:
        raise IppError("short IPP response")
    _version, status, _request_id = struct.unpack(">HHI", data[:8])
    attributes: Attributes = {}
    position, name = 8, ""
    while position < len(data):
        tag = data[position]
        position += 1
        if tag == END_OF_ATTRIBUTES:
            break
        if tag < 0x10:  # the start of another group
            continue
        (name_length,) = struct.unpack(">H", data[position : position + 2])
        position += 2
        if name_length:
            name = data[position : position + name_length].decode("utf-8", "replace")
        position += name_length
        (value_length,) = struct.unpack(">H", data[position : position + 2])
        position += 2
        value = data[position : position + value_length]
        position += value_length
        attributes.setdefault(name, []).append(_decode(tag, value))
    return status, attributes


def ask(
    server: str, path: str, operation: int, attributes: list[tuple[int, str, list[bytes]]]
) -> Attributes:
    """Send one IPP request to `server` at `path`; the answer's attributes on success."""
    connection = _connection(server)
    try:
        connection.request(
            "POST",
            path,
            body=_request(operation, attributes),
            headers={"Content-Type": "application/ipp"},
        )
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as error:
        raise IppError(f"cannot reach the CUPS server {server}: {error}") from error
    finally:
        connection.close()
    if response.status != 200:
        raise IppError(f"the CUPS server {server} answered HTTP {response.status}")
    status, answer = parse_response(data)
    if status >= 0x0100:  # 0x0000-0x00FF: successful
        raise IppError(f"the CUPS server {server} answered IPP status {status:#06x}")
    return answer


def _user() -> list[bytes]:
    try:
        return [getpass.getuser().encode()]
    except (KeyError, OSError):  # no such user in the password database (a container)
        return [b"degenks"]


def job_attributes(server: str, job_id: int, names: list[str]) -> Attributes:
    """The attributes `names` of job `job_id` on `server`."""
    return ask(
        server,
        "/jobs",
        GET_JOB_ATTRIBUTES,
        [
            (URI, "job-uri", [f"ipp://localhost/jobs/{job_id}".encode()]),
            (NAME, "requesting-user-name", _user()),
            (KEYWORD, "requested-attributes", [name.encode() for name in names]),
        ],
    )


def printer_attributes(server: str, queue: str, names: list[str]) -> Attributes:
    """The attributes `names` of the queue `queue` on `server`."""
    path = f"/printers/{quote(queue, safe='')}"
    return ask(
        server,
        path,
        GET_PRINTER_ATTRIBUTES,
        [
            (URI, "printer-uri", [f"ipp://localhost{path}".encode()]),
            (NAME, "requesting-user-name", _user()),
            (KEYWORD, "requested-attributes", [name.encode() for name in names]),
        ],
    )
