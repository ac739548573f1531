"""Secrets kept only as salted argon2id hashes: facilitators' PINs and organisers' passwords.

One hasher for both, so a PIN and a password cost a guesser the same per try; the demo's
own secrets, printed for anyone to read, take a cheap one.
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's minimum for argon2id (19 MiB, 2 passes): about 30 ms a check on a venue laptop,
# nothing for a sign-in, slow enough against guessing a stolen database's PINs.
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# The demo's PINs and password are printed in the README, so hashing them slowly protects
# nothing; verification reads the parameters from each hash, so both kinds check the same.
DEMO_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@functools.cache
def _nobody() -> str:
    """Checked against when a name has no account, so that a wrong name takes as long as a
    wrong password and the time taken does not tell which names exist (made on first use:
    a command that signs nobody in does not pay for it)."""
    return HASHER.hash("no account has this password")


def hash_secret(secret: str, *, demo: bool = False) -> str:
    """The salted argon2id hash kept for `secret` (the cheap one for the demo's)."""
    return (DEMO_HASHER if demo else HASHER).hash(secret)


def secret_matches(secret_hash: str | None, secret: str) -> bool:
    """Whether `secret` is the one hashed in `secret_hash`; None (no account) never is,
    after as long a check as a real one."""
    try:
        if secret_hash is None:
            HASHER.verify(_nobody(), secret + "\x00")  # the same work, never a match
            return False
        return HASHER.verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False
