"""An organiser's name and password, asked for before what only organisers may do.

One small dialog (the Qt Designer form forms/organiser_sign_in.ui) for three askings:
signing in (Organisatie, a restore, a named export, a PIN, an unlock, the database in
Settings), choosing this laptop's role (its three choices above the same fields), and, on
a database without any organiser account yet, making the first one (the password twice).
The password is checked off the GUI thread and guarded as every try is
(`services.house.organisers.verify_organiser`).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.organisers import (
    OrganiserAccess,
    create_first_organiser,
    organisers_exist,
    verify_organiser,
)
from degenks_desktop.ui.forms_generated.organiser_sign_in_ui import Ui_OrganiserSignIn
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.roles import ROLE_DESK, ROLE_ORGANISER, ROLE_TABLE, SETTING_ROLE

SIGN_IN = N_("Only an organiser may do this: sign in with your name and password.")
FIRST_ACCOUNT = N_(
    "This database has no organiser account yet: make the first one now. Organisers sign "
    "in with it for Organisation, a restore and this laptop's role; the password has at "
    "least 10 characters."
)
CHANGE_ROLE = N_(
    "Choose what this laptop is for; an organiser confirms with their name and password."
)


class OrganiserDialog(QDialog):
    """Name and password (twice for a first account), and the laptop's role if asked."""

    signed_in = Signal(object)  # the OrganiserAccess, once the password is right

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        intro: str = SIGN_IN,
        choose_role: bool = False,
    ) -> None:
        """`intro` (marked with `N_`) says why the dialog asks; it is translated when shown."""
        super().__init__(parent)
        self.context = context
        self.intro = intro
        self.choose_role = choose_role
        self.access: OrganiserAccess | None = None
        self._task: BackgroundTask | None = None
        try:
            self.first_account = not organisers_exist(context.database)
        except KnownError:
            self.first_account = False  # the check below says what is wrong
        self.ui = Ui_OrganiserSignIn()
        self.ui.setupUi(self)
        self.name = self.ui.name
        self.password = self.ui.password
        self.password_again = self.ui.password_again
        self.problem = self.ui.problem
        self.buttons = self.ui.buttons
        self.role_buttons = {
            ROLE_ORGANISER: self.ui.role_organiser,
            ROLE_DESK: self.ui.role_desk,
            ROLE_TABLE: self.ui.role_table,
        }
        self.ui.role_box.setVisible(choose_role)
        self.role_buttons[context.role].setChecked(True)
        self.ui.againLabel.setVisible(self.first_account)
        self.password_again.setVisible(self.first_account)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.retranslate()
        (self.role_buttons[context.role] if choose_role else self.name).setFocus()

    def retranslate(self) -> None:
        """The form's texts and why it asks, in the language of the moment (what was typed
        and chosen stays)."""
        self.ui.retranslateUi(self)
        self.ui.intro.setText(
            _(FIRST_ACCOUNT) if self.first_account and not self.choose_role else _(self.intro)
        )
        if self.choose_role and self.first_account:
            self.ui.intro.setText(_(CHANGE_ROLE) + " " + _(FIRST_ACCOUNT))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's texts again, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def chosen_role(self) -> str:
        """The role ticked (the laptop's own when the dialog does not ask for one)."""
        return next(
            (role for role, button in self.role_buttons.items() if button.isChecked()),
            self.context.role,
        )

    def accept(self) -> None:
        """Check the name and password off the GUI thread (or make the first account);
        right: `signed_in`, and the dialog closes; wrong: the sentence, and try again."""
        if self._task is not None:
            return
        name, password = self.name.text(), self.password.text()
        if self.first_account and password != self.password_again.text():
            self._refused(InputRejected(_("The two passwords differ: nothing was changed.")))
            return
        database, first = self.context.database, self.first_account
        self.problem.clear()
        self.buttons.setEnabled(False)

        def work(_report: Report) -> OrganiserAccess:
            if first:
                return create_first_organiser(database, name, password)
            return verify_organiser(database, name, password)

        def finished() -> None:
            self._task = None
            self.buttons.setEnabled(True)

        self._task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=self._right,
            on_known_error=self._refused,
            on_finished=finished,
        )

    def _right(self, access: OrganiserAccess) -> None:
        self.access = access
        if self.choose_role:
            self.context.settings.setValue(SETTING_ROLE, self.chosen_role)
            self.context.settings.sync()
        self.password.clear()
        self.password_again.clear()
        super().accept()
        self.signed_in.emit(access)

    def _refused(self, error: KnownError) -> None:
        self.problem.setText(error.message)
        self.password.clear()
        self.password_again.clear()
        self.password.setFocus()


def still_asking(dialog: OrganiserDialog | None) -> bool:
    """Whether `dialog` is on screen still (it deletes itself once closed)."""
    return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()


def with_organiser(
    context: AppContext,
    parent: QWidget,
    then: Callable[[OrganiserAccess], None],
    *,
    intro: str = SIGN_IN,
) -> OrganiserDialog | None:
    """Do `then` as the signed-in organiser at once, or after one signs in (the dialog is
    returned, open; Cancel does nothing). On an organiser laptop the sign-in then holds
    until the time-out; elsewhere it is for this one action."""
    access = context.organiser.access
    if access is not None:
        then(access)
        return None
    dialog = OrganiserDialog(context, parent, intro=intro)

    def signed_in(access: OrganiserAccess) -> None:
        context.organiser.sign_in(access)
        then(access)

    dialog.signed_in.connect(signed_in)
    dialog.open()
    return dialog


def change_role(
    context: AppContext, parent: QWidget, then: Callable[[str], None]
) -> OrganiserDialog:
    """Ask for the laptop's new role with an organiser's name and password (always, even
    with an organiser signed in: the role outlasts any sign-in); `then(role)` once saved."""
    dialog = OrganiserDialog(context, parent, intro=CHANGE_ROLE, choose_role=True)
    dialog.signed_in.connect(lambda _access: then(dialog.chosen_role))
    dialog.open()
    return dialog
