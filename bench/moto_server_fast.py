"""moto_server for the Vigil benchmark, with one change: TransactWriteItems does not deep-copy
every table it touches before applying the transaction.

moto 5.x snapshots each table named in a transaction with copy.deepcopy (for rollback), so each
transaction costs O(table size): with Vigil's single table, the benchmark turns quadratic and moto,
not Vigil, is what gets measured (at 5,000 resources the first run did not finish in 5 minutes;
moto grew to 5.8 GB). Real DynamoDB has no such cost. Here the snapshot is skipped, so a
transaction that fails half-way is not rolled back; the bench reports failed TransactWriteItems
calls per operation, and a valid comparison needs that count to be 0.

Only the deepcopy calls made inside transact_write_items on the calling thread are affected.
"""
import copy as _copy
import threading

import moto.dynamodb.models as _models
from moto.server import main

_in_transaction = threading.local()


class _CopyShim:
    """Stands in for the copy module inside moto.dynamodb.models."""

    def __getattr__(self, name):
        return getattr(_copy, name)

    @staticmethod
    def deepcopy(value, *args, **kwargs):
        if getattr(_in_transaction, "active", False):
            return value
        return _copy.deepcopy(value, *args, **kwargs)


_models.copy = _CopyShim()
_original = _models.DynamoDBBackend.transact_write_items


def _transact_write_items(self, transact_items):
    _in_transaction.active = True
    try:
        return _original(self, transact_items)
    finally:
        _in_transaction.active = False


_models.DynamoDBBackend.transact_write_items = _transact_write_items

if __name__ == "__main__":
    main()
