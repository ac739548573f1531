# Generated from forms/table_sign_in.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/table_sign_in.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'table_sign_in.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_TableSignInForm(object):
    def setupUi(self, TableSignInForm):
        if not TableSignInForm.objectName():
            TableSignInForm.setObjectName(u"TableSignInForm")
        self.pageLayout = QVBoxLayout(TableSignInForm)
        self.pageLayout.setObjectName(u"pageLayout")
        self.intro = QLabel(TableSignInForm)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.signInForm = QFormLayout()
        self.signInForm.setObjectName(u"signInForm")
        self.tableLabel = QLabel(TableSignInForm)
        self.tableLabel.setObjectName(u"tableLabel")

        self.signInForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tableLabel)

        self.table = QComboBox(TableSignInForm)
        self.table.setObjectName(u"table")

        self.signInForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.table)

        self.pinLabel = QLabel(TableSignInForm)
        self.pinLabel.setObjectName(u"pinLabel")

        self.signInForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pin = QLineEdit(TableSignInForm)
        self.pin.setObjectName(u"pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)

        self.signInForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pin)

        self.sign_in_button = QPushButton(TableSignInForm)
        self.sign_in_button.setObjectName(u"sign_in_button")

        self.signInForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sign_in_button)

        self.problem = QLabel(TableSignInForm)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.signInForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.problem)


        self.pageLayout.addLayout(self.signInForm)

        self.pageStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.pageStretch)

#if QT_CONFIG(shortcut)
        self.tableLabel.setBuddy(self.table)
        self.pinLabel.setBuddy(self.pin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.pin)
        QWidget.setTabOrder(self.pin, self.sign_in_button)

        self.retranslateUi(TableSignInForm)

        QMetaObject.connectSlotsByName(TableSignInForm)
    # setupUi

    def retranslateUi(self, TableSignInForm):
        self.intro.setText(ui_text(u"Facilitators: sign in to your own table with the PIN the organisers gave you. You see and change only your table.", None))
        self.tableLabel.setText(ui_text(u"Your table", None))
        self.pinLabel.setText(ui_text(u"Your PIN", None))
        self.sign_in_button.setText(ui_text(u"&Sign in", None))
        pass
    # retranslateUi

