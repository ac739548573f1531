"""What this laptop is for, and who of the organisers is signed in on it.

A laptop's role (`laptop/role` in QSettings) decides which workspaces the window shows: a
desk laptop only Onthaal, a table laptop only Tafels, an organiser laptop all three, with
Organisatie behind an organiser's sign-in. A fresh install is an organiser laptop, so the
first run can make the event. Only an organiser laptop keeps an organiser signed in, and
only until a spell without any key press, click or scroll (`organiser/timeout_ms`,
15 minutes unless set); on a desk or table laptop every organiser's action asks again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal

from degenks_desktop.services.house.organisers import OrganiserAccess

SETTING_ROLE = "laptop/role"
SETTING_ORGANISER_TIMEOUT_MS = "organiser/timeout_ms"
ROLE_ORGANISER = "organiser"
ROLE_DESK = "desk"
ROLE_TABLE = "table"
ROLES = (ROLE_ORGANISER, ROLE_DESK, ROLE_TABLE)
DEFAULT_ORGANISER_TIMEOUT_MS = 15 * 60 * 1000

# What a person does: any of these on any window of the app keeps the sign-in alive.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def laptop_role(settings: QSettings) -> str:
    """This laptop's role; an unknown value is read as the default, an organiser laptop."""
    role = str(settings.value(SETTING_ROLE, ROLE_ORGANISER))
    return role if role in ROLES else ROLE_ORGANISER


def organiser_timeout_ms(settings: QSettings) -> int:
    """How long an organiser stays signed in without activity, in ms."""
    try:
        value = int(str(settings.value(SETTING_ORGANISER_TIMEOUT_MS, DEFAULT_ORGANISER_TIMEOUT_MS)))
    except ValueError:
        return DEFAULT_ORGANISER_TIMEOUT_MS
    return value if value > 0 else DEFAULT_ORGANISER_TIMEOUT_MS


class SessionSignals(QObject):
    """What the session tells the window: signed in or out, and out by the time-out."""

    changed = Signal()
    timed_out = Signal()  # after `changed`


class OrganiserSession:
    """The organiser signed in on this laptop, if any. A plain object (the context's):
    the time-out's timer belongs to the window (`IdleSignOut`), so that nothing with a
    timer outlives it or is collected on another thread."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self.access: OrganiserAccess | None = None
        self.signals = SessionSignals()

    @property
    def signed_in(self) -> bool:
        """Whether an organiser is signed in now."""
        return self.access is not None

    def sign_in(self, access: OrganiserAccess) -> bool:
        """Keep `access` signed in until the time-out, on an organiser laptop only (else
        nothing is kept, and False): a desk left alone must not stay an organiser's."""
        if laptop_role(self.settings) != ROLE_ORGANISER:
            self.sign_out()
            return False
        self.access = access
        self.signals.changed.emit()
        return True

    def sign_out(self) -> None:
        """No organiser signed in any more (Organisatie asks again)."""
        if self.access is not None:
            self.access = None
            self.signals.changed.emit()

    def expire(self) -> None:
        """The time-out: signed out, and the window asks again where it must."""
        if self.access is not None:
            self.sign_out()
            self.signals.timed_out.emit()


class IdleSignOut(QObject):
    """Signs the organiser out after `organiser/timeout_ms` without a key press, click,
    scroll or touch anywhere in the app (read at each sign-in, so a test sets it short)."""

    def __init__(self, session: OrganiserSession, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(session.expire)
        self._watching = False
        session.signals.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        if self.session.signed_in:
            self.timer.start(organiser_timeout_ms(self.session.settings))
        else:
            self.timer.stop()
        self._watch(self.session.signed_in)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Activity anywhere in the app: the time-out starts again."""
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def _watch(self, on: bool) -> None:
        # Only while someone is signed in: the filter sees every event of the app, and a
        # desk scanning badges all day needs none of that work.
        application = QCoreApplication.instance()
        if application is None or on == self._watching:
            return
        if on:
            application.installEventFilter(self)
        else:
            application.removeEventFilter(self)
        self._watching = on
