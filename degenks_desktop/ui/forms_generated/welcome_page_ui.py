# Generated from forms/welcome_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/welcome_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_page.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_WelcomePage(object):
    def setupUi(self, WelcomePage):
        if not WelcomePage.objectName():
            WelcomePage.setObjectName(u"WelcomePage")
        WelcomePage.setMaximumSize(QSize(640, 16777215))
        self.welcomeLayout = QVBoxLayout(WelcomePage)
        self.welcomeLayout.setObjectName(u"welcomeLayout")
        self.topStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.welcomeLayout.addItem(self.topStretch)

        self.title = QLabel(WelcomePage)
        self.title.setObjectName(u"title")

        self.welcomeLayout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)

        self.intro = QLabel(WelcomePage)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.welcomeLayout.addWidget(self.intro)

        self.demo_button = QPushButton(WelcomePage)
        self.demo_button.setObjectName(u"demo_button")
        self.demo_button.setMinimumSize(QSize(0, 44))

        self.welcomeLayout.addWidget(self.demo_button)

        self.new_button = QPushButton(WelcomePage)
        self.new_button.setObjectName(u"new_button")
        self.new_button.setMinimumSize(QSize(0, 44))

        self.welcomeLayout.addWidget(self.new_button)

        self.shared_button = QPushButton(WelcomePage)
        self.shared_button.setObjectName(u"shared_button")
        self.shared_button.setMinimumSize(QSize(0, 44))

        self.welcomeLayout.addWidget(self.shared_button)

        self.bottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.welcomeLayout.addItem(self.bottomStretch)

        QWidget.setTabOrder(self.demo_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.shared_button)

        self.retranslateUi(WelcomePage)

        QMetaObject.connectSlotsByName(WelcomePage)
    # setupUi

    def retranslateUi(self, WelcomePage):
        self.title.setText(ui_text(u"Welcome to De Genks Desktop", None))
        self.intro.setText(ui_text(u"This database holds no event yet. Look around in a demo event, set up your own, or connect this laptop to the database the other laptops use.", None))
        self.demo_button.setText(ui_text(u"Open the &demo event", None))
        self.new_button.setText(ui_text(u"&New event\u2026", None))
        self.shared_button.setText(ui_text(u"Connect to a &shared database\u2026", None))
        pass
    # retranslateUi

