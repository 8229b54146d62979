"""Data errors that say where the problem is: file, record and field.

Organizers fix data files by hand; an error that only says "validation failed"
sends them hunting. Every check in the build and the importers raises (or
collects) a :class:`DataIssue` so the message names the file, the record (by
position and a human label) and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DataIssue:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f", record {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass
class DataError(Exception):
    """One or more problems in input data; nothing has been written."""

    issues: list[DataIssue] = field(default_factory=list)

    def __str__(self) -> str:
        n = len(self.issues)
        head = f"{n} problem{'s' if n != 1 else ''} in the input data (nothing was written):"
        return "\n".join([head] + [f"- {i}" for i in self.issues])

    @classmethod
    def single(cls, file: str, record: str, field_: str, message: str) -> DataError:
        return cls([DataIssue(file, record, field_, message)])
