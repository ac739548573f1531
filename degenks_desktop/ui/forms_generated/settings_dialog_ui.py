# Generated from forms/settings_dialog.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/settings_dialog.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QButtonGroup, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.languageBox = QGroupBox(SettingsDialog)
        self.languageBox.setObjectName(u"languageBox")
        self.languageForm = QFormLayout(self.languageBox)
        self.languageForm.setObjectName(u"languageForm")
        self.languageLabel = QLabel(self.languageBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.languageBox)
        self.language.setObjectName(u"language")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)


        self.dialogLayout.addWidget(self.languageBox)

        self.deskBox = QGroupBox(SettingsDialog)
        self.deskBox.setObjectName(u"deskBox")
        self.deskForm = QFormLayout(self.deskBox)
        self.deskForm.setObjectName(u"deskForm")
        self.deskNameLabel = QLabel(self.deskBox)
        self.deskNameLabel.setObjectName(u"deskNameLabel")

        self.deskForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deskNameLabel)

        self.desk_name = QLineEdit(self.deskBox)
        self.desk_name.setObjectName(u"desk_name")
        self.desk_name.setMaxLength(40)

        self.deskForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.desk_name)

        self.desk_problem = QLabel(self.deskBox)
        self.desk_problem.setObjectName(u"desk_problem")
        self.desk_problem.setProperty(u"tone", u"problem")

        self.deskForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.desk_problem)


        self.dialogLayout.addWidget(self.deskBox)

        self.databaseBox = QGroupBox(SettingsDialog)
        self.databaseBox.setObjectName(u"databaseBox")
        self.databaseLayout = QVBoxLayout(self.databaseBox)
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.database_lock = QWidget(self.databaseBox)
        self.database_lock.setObjectName(u"database_lock")
        self.lockRow = QHBoxLayout(self.database_lock)
        self.lockRow.setObjectName(u"lockRow")
        self.lockRow.setContentsMargins(0, 0, 0, 0)
        self.database_lock_note = QLabel(self.database_lock)
        self.database_lock_note.setObjectName(u"database_lock_note")
        self.database_lock_note.setWordWrap(True)

        self.lockRow.addWidget(self.database_lock_note)

        self.organiser_button = QPushButton(self.database_lock)
        self.organiser_button.setObjectName(u"organiser_button")

        self.lockRow.addWidget(self.organiser_button)

        self.lockRow.setStretch(0, 1)

        self.databaseLayout.addWidget(self.database_lock)

        self.use_file = QRadioButton(self.databaseBox)
        self.kinds = QButtonGroup(SettingsDialog)
        self.kinds.setObjectName(u"kinds")
        self.kinds.addButton(self.use_file)
        self.use_file.setObjectName(u"use_file")

        self.databaseLayout.addWidget(self.use_file)

        self.file_fields = QWidget(self.databaseBox)
        self.file_fields.setObjectName(u"file_fields")
        self.fileRow = QHBoxLayout(self.file_fields)
        self.fileRow.setObjectName(u"fileRow")
        self.fileRow.setContentsMargins(11, 0, 0, 0)
        self.file_path = QLineEdit(self.file_fields)
        self.file_path.setObjectName(u"file_path")

        self.fileRow.addWidget(self.file_path)

        self.browse_button = QPushButton(self.file_fields)
        self.browse_button.setObjectName(u"browse_button")

        self.fileRow.addWidget(self.browse_button)

        self.fileRow.setStretch(0, 1)

        self.databaseLayout.addWidget(self.file_fields)

        self.use_server = QRadioButton(self.databaseBox)
        self.kinds.addButton(self.use_server)
        self.use_server.setObjectName(u"use_server")

        self.databaseLayout.addWidget(self.use_server)

        self.server_fields = QWidget(self.databaseBox)
        self.server_fields.setObjectName(u"server_fields")
        self.serverForm = QFormLayout(self.server_fields)
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setContentsMargins(11, 0, 0, 0)
        self.hostLabel = QLabel(self.server_fields)
        self.hostLabel.setObjectName(u"hostLabel")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.host = QLineEdit(self.server_fields)
        self.host.setObjectName(u"host")
        self.host.setPlaceholderText(u"192.168.1.10")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.host)

        self.portLabel = QLabel(self.server_fields)
        self.portLabel.setObjectName(u"portLabel")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.port = QSpinBox(self.server_fields)
        self.port.setObjectName(u"port")
        self.port.setMinimum(1)
        self.port.setMaximum(65535)
        self.port.setValue(5432)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port)

        self.databaseNameLabel = QLabel(self.server_fields)
        self.databaseNameLabel.setObjectName(u"databaseNameLabel")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.databaseNameLabel)

        self.database_name = QLineEdit(self.server_fields)
        self.database_name.setObjectName(u"database_name")
        self.database_name.setText(u"degenks")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.database_name)

        self.userLabel = QLabel(self.server_fields)
        self.userLabel.setObjectName(u"userLabel")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.user = QLineEdit(self.server_fields)
        self.user.setObjectName(u"user")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.user)

        self.passwordLabel = QLabel(self.server_fields)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.serverForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(self.server_fields)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.serverForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.remember_password = QCheckBox(self.server_fields)
        self.remember_password.setObjectName(u"remember_password")

        self.serverForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remember_password)


        self.databaseLayout.addWidget(self.server_fields)

        self.test_button = QPushButton(self.databaseBox)
        self.test_button.setObjectName(u"test_button")

        self.databaseLayout.addWidget(self.test_button)

        self.connection_result = QLabel(self.databaseBox)
        self.connection_result.setObjectName(u"connection_result")
        self.connection_result.setWordWrap(True)

        self.databaseLayout.addWidget(self.connection_result)


        self.dialogLayout.addWidget(self.databaseBox)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.language)
        self.deskNameLabel.setBuddy(self.desk_name)
        self.hostLabel.setBuddy(self.host)
        self.portLabel.setBuddy(self.port)
        self.databaseNameLabel.setBuddy(self.database_name)
        self.userLabel.setBuddy(self.user)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.language, self.desk_name)
        QWidget.setTabOrder(self.desk_name, self.organiser_button)
        QWidget.setTabOrder(self.organiser_button, self.use_file)
        QWidget.setTabOrder(self.use_file, self.use_server)
        QWidget.setTabOrder(self.use_server, self.file_path)
        QWidget.setTabOrder(self.file_path, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.host)
        QWidget.setTabOrder(self.host, self.port)
        QWidget.setTabOrder(self.port, self.database_name)
        QWidget.setTabOrder(self.database_name, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.remember_password)
        QWidget.setTabOrder(self.remember_password, self.test_button)
        QWidget.setTabOrder(self.test_button, self.buttons)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(ui_text(u"Settings", None))
        self.languageBox.setTitle(ui_text(u"Language", None))
        self.languageLabel.setText(ui_text(u"Interface language", None))
        self.deskBox.setTitle(ui_text(u"This laptop", None))
        self.deskNameLabel.setText(ui_text(u"Name of this desk", None))
#if QT_CONFIG(tooltip)
        self.desk_name.setToolTip(ui_text(u"Shown to the other desks: \"already checked in at Onthaal 1\"", None))
#endif // QT_CONFIG(tooltip)
        self.desk_name.setPlaceholderText(ui_text(u"e.g. Onthaal 1", None))
        self.databaseBox.setTitle(ui_text(u"Database", None))
        self.database_lock_note.setText(ui_text(u"Only an organiser changes the database this laptop works on.", None))
        self.organiser_button.setText(ui_text(u"Sign in as &organiser\u2026", None))
        self.use_file.setText(ui_text(u"A file on this laptop (SQLite)", None))
        self.browse_button.setText(ui_text(u"Browse\u2026", None))
        self.use_server.setText(ui_text(u"A shared server for several laptops (PostgreSQL)", None))
        self.hostLabel.setText(ui_text(u"Server", None))
        self.portLabel.setText(ui_text(u"Port", None))
        self.databaseNameLabel.setText(ui_text(u"Database", None))
        self.userLabel.setText(ui_text(u"User", None))
        self.passwordLabel.setText(ui_text(u"Password", None))
        self.remember_password.setText(ui_text(u"Remember the password on this laptop", None))
        self.test_button.setText(ui_text(u"Test the connection", None))
    # retranslateUi

