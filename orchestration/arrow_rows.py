"""Arrow tables and arrays made from Python values without importing pandas.

pyarrow's own conversions from Python values (pa.array of a list or a numpy array, pa.table of lists, pa.scalar,
a compute function given a Python value) import pandas when it is installed, to ask whether the value is one of
its objects: about half a second that `cla validate-903`, which never needs pandas, would spend on nothing. These
make the same tables through DuckDB, and ranges of integers from a numpy buffer; work on arrays that already
exist (compute functions over arrays, filter, slice) does not import it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from orchestration.scratch import beside


def integers(start: int, count: int, kind: pa.DataType | None = None) -> pa.Array:
    """start, start + 1, ... (count of them), as an Arrow integer array (int32, or by default int64)."""
    kind = kind or pa.int64()
    dtype = np.int32 if kind == pa.int32() else np.int64
    values = np.arange(start, start + count, dtype=dtype)
    return pa.Array.from_buffers(kind, count, [None, pa.py_buffer(values)])


def rows_table(columns: dict[str, str], rows: Sequence[Sequence[object]]) -> pa.Table:
    """Rows of Python values as an Arrow table; columns: name → DuckDB type (VARCHAR, BIGINT, ...)."""
    names = ", ".join(f'"{name}" {kind}' for name, kind in columns.items())
    with beside() as con:
        con.execute(f"CREATE TEMPORARY TABLE given ({names})")
        if rows:
            row = "(" + ", ".join("?" * len(columns)) + ")"
            con.execute(f"INSERT INTO given VALUES {', '.join([row] * len(rows))}", [v for r in rows for v in r])
        return con.sql("SELECT * FROM given").to_arrow_table()
