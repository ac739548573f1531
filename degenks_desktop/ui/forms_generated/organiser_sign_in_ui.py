# Generated from forms/organiser_sign_in.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/organiser_sign_in.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organiser_sign_in.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from degenks_desktop.i18n import ui_text
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QButtonGroup, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_OrganiserSignIn(object):
    def setupUi(self, OrganiserSignIn):
        if not OrganiserSignIn.objectName():
            OrganiserSignIn.setObjectName(u"OrganiserSignIn")
        self.dialogLayout = QVBoxLayout(OrganiserSignIn)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.intro = QLabel(OrganiserSignIn)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialogLayout.addWidget(self.intro)

        self.role_box = QGroupBox(OrganiserSignIn)
        self.role_box.setObjectName(u"role_box")
        self.roleLayout = QVBoxLayout(self.role_box)
        self.roleLayout.setObjectName(u"roleLayout")
        self.role_organiser = QRadioButton(self.role_box)
        self.roles = QButtonGroup(OrganiserSignIn)
        self.roles.setObjectName(u"roles")
        self.roles.addButton(self.role_organiser)
        self.role_organiser.setObjectName(u"role_organiser")

        self.roleLayout.addWidget(self.role_organiser)

        self.role_desk = QRadioButton(self.role_box)
        self.roles.addButton(self.role_desk)
        self.role_desk.setObjectName(u"role_desk")

        self.roleLayout.addWidget(self.role_desk)

        self.role_table = QRadioButton(self.role_box)
        self.roles.addButton(self.role_table)
        self.role_table.setObjectName(u"role_table")

        self.roleLayout.addWidget(self.role_table)


        self.dialogLayout.addWidget(self.role_box)

        self.credentials = QFormLayout()
        self.credentials.setObjectName(u"credentials")
        self.nameLabel = QLabel(OrganiserSignIn)
        self.nameLabel.setObjectName(u"nameLabel")

        self.credentials.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(OrganiserSignIn)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(100)

        self.credentials.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.passwordLabel = QLabel(OrganiserSignIn)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentials.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(OrganiserSignIn)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentials.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.againLabel = QLabel(OrganiserSignIn)
        self.againLabel.setObjectName(u"againLabel")

        self.credentials.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.password_again = QLineEdit(OrganiserSignIn)
        self.password_again.setObjectName(u"password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentials.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_again)


        self.dialogLayout.addLayout(self.credentials)

        self.problem = QLabel(OrganiserSignIn)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.dialogLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(OrganiserSignIn)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.passwordLabel.setBuddy(self.password)
        self.againLabel.setBuddy(self.password_again)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.role_organiser, self.role_desk)
        QWidget.setTabOrder(self.role_desk, self.role_table)
        QWidget.setTabOrder(self.role_table, self.name)
        QWidget.setTabOrder(self.name, self.password)
        QWidget.setTabOrder(self.password, self.password_again)
        QWidget.setTabOrder(self.password_again, self.buttons)

        self.retranslateUi(OrganiserSignIn)

        QMetaObject.connectSlotsByName(OrganiserSignIn)
    # setupUi

    def retranslateUi(self, OrganiserSignIn):
        OrganiserSignIn.setWindowTitle(ui_text(u"Organiser", None))
        self.role_box.setTitle(ui_text(u"This laptop's role", None))
        self.role_organiser.setText(ui_text(u"&Organiser laptop: Front desk, Tables and Organisation", None))
        self.role_desk.setText(ui_text(u"&Desk laptop: only Front desk", None))
        self.role_table.setText(ui_text(u"&Table laptop: only Tables", None))
        self.nameLabel.setText(ui_text(u"&Name", None))
        self.passwordLabel.setText(ui_text(u"&Password", None))
        self.againLabel.setText(ui_text(u"Password a&gain", None))
    # retranslateUi

