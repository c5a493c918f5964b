"""Every problem of a run, reported at once: ``file:line: column: problem``."""

from __future__ import annotations

from typing import Final, Self

from g287.errors import G287Error, InvalidInputError

#: At most this many problems are listed; the rest are counted.
MAX_PROBLEMS: Final = 50


class DataError(InvalidInputError):
    """Problems in input files or records, each located as ``file:line: column: problem``.

    ``problems`` lists them (at most :data:`MAX_PROBLEMS`; ``count`` says how many there were),
    so a user fixes a file in one go rather than one error per run. ``str()`` is the list, one
    problem a line.
    """

    __module__ = "g287.dataio"  # where users import it from, and how tracebacks name it

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        problems: tuple[str, ...] = (),
        count: int = 0,
    ) -> None:
        super().__init__(message, field=field, value=value)
        self.problems = problems or (message,)
        self.count = max(count, len(self.problems))

    @classmethod
    def at(cls, where: str, problem: str) -> Self:
        """One problem at ``where`` (``file`` or ``file:line``)."""
        return cls(f"{where}: {problem}", field=where, value=None)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (str(self), self.field, self.value, self.problems, self.count))


def _rebuild(
    message: str, field: str | None, value: object, problems: tuple[str, ...], count: int
) -> DataError:
    return DataError(message, field=field, value=value, problems=problems, count=count)


class Problems:
    """The problems found so far, in the order found."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.count = 0
        self.first: G287Error | None = None

    def add(self, where: str, error: G287Error | str) -> None:
        """A problem at ``where``: an error (its message starts with its column) or text."""
        self.count += 1
        if isinstance(error, G287Error) and self.first is None:
            self.first = error
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(f"{where}: {error}")

    def take(self, error: DataError) -> None:
        """The problems of another read (another file's)."""
        for problem in error.problems:
            if len(self.found) < MAX_PROBLEMS:
                self.found.append(problem)
        self.count += error.count

    def check(self) -> None:
        """Raise a :class:`DataError` listing every problem found, if any."""
        if not self.count:
            return
        more = self.count - len(self.found)
        lines = self.found + ([f"… and {more} more problem{'s' * (more > 1)}"] if more else [])
        first = self.first
        raise DataError(
            "\n".join(lines),
            field=first.field if first else None,
            value=first.value if first else None,
            problems=tuple(self.found),
            count=self.count,
        )
