"""Cut a query worker off from the network, where the platform allows it.

The guard refuses SERVICE before a query reaches the store; a worker in a
network namespace of its own, with no interfaces up, cannot reach anything even
if a query slipped past it. Linux only; elsewhere the guard stands alone.

Setting the environment variable ``ASEANKG_NETWORK_SANDBOX`` to ``off`` leaves
the workers on the network: the tests do, to show that the guard alone keeps
queries from calling out. Any other value, or none, keeps the sandbox on.
"""

import ctypes
import ctypes.util
import os
import sys

#: The environment variable that turns the sandbox off when set to ``off``.
SWITCH = "ASEANKG_NETWORK_SANDBOX"

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Move the calling process into an empty network namespace; True on success."""
    if os.environ.get(SWITCH, "").strip().lower() == "off":
        return False
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False
