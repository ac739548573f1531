# Generated from forms/new_event_wizard.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/new_event_wizard.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_event_wizard.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateEdit, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget, QWizard, QWizardPage)

class Ui_NewEventWizard(object):
    def setupUi(self, NewEventWizard):
        if not NewEventWizard.objectName():
            NewEventWizard.setObjectName(u"NewEventWizard")
        NewEventWizard.resize(760, 520)
        self.about_page = QWizardPage()
        self.about_page.setObjectName(u"about_page")
        self.aboutForm = QFormLayout(self.about_page)
        self.aboutForm.setObjectName(u"aboutForm")
        self.nameLabel = QLabel(self.about_page)
        self.nameLabel.setObjectName(u"nameLabel")

        self.aboutForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.about_page)
        self.name.setObjectName(u"name")

        self.aboutForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.venueLabel = QLabel(self.about_page)
        self.venueLabel.setObjectName(u"venueLabel")

        self.aboutForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venue = QLineEdit(self.about_page)
        self.venue.setObjectName(u"venue")

        self.aboutForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.venue)

        NewEventWizard.addPage(self.about_page)
        self.days_page = QWizardPage()
        self.days_page.setObjectName(u"days_page")
        self.daysForm = QFormLayout(self.days_page)
        self.daysForm.setObjectName(u"daysForm")
        self.firstDayLabel = QLabel(self.days_page)
        self.firstDayLabel.setObjectName(u"firstDayLabel")

        self.daysForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstDayLabel)

        self.first_day = QDateEdit(self.days_page)
        self.first_day.setObjectName(u"first_day")
        self.first_day.setCalendarPopup(True)

        self.daysForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.first_day)

        self.dayCountLabel = QLabel(self.days_page)
        self.dayCountLabel.setObjectName(u"dayCountLabel")

        self.daysForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dayCountLabel)

        self.day_count = QSpinBox(self.days_page)
        self.day_count.setObjectName(u"day_count")
        self.day_count.setMinimum(1)
        self.day_count.setMaximum(7)
        self.day_count.setValue(1)

        self.daysForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.day_count)

        NewEventWizard.addPage(self.days_page)
        self.themes_page = QWizardPage()
        self.themes_page.setObjectName(u"themes_page")
        self.themesLayout = QVBoxLayout(self.themes_page)
        self.themesLayout.setObjectName(u"themesLayout")
        self.themes = QTableWidget(self.themes_page)
        if (self.themes.columnCount() < 3):
            self.themes.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.themes.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.themes.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.themes.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.themes.setObjectName(u"themes")
        self.themes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.themesLayout.addWidget(self.themes)

        self.themeButtons = QHBoxLayout()
        self.themeButtons.setObjectName(u"themeButtons")
        self.add_theme_button = QPushButton(self.themes_page)
        self.add_theme_button.setObjectName(u"add_theme_button")

        self.themeButtons.addWidget(self.add_theme_button)

        self.remove_theme_button = QPushButton(self.themes_page)
        self.remove_theme_button.setObjectName(u"remove_theme_button")

        self.themeButtons.addWidget(self.remove_theme_button)

        self.themeButtonsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.themeButtons.addItem(self.themeButtonsStretch)


        self.themesLayout.addLayout(self.themeButtons)

        NewEventWizard.addPage(self.themes_page)
        self.people_page = QWizardPage()
        self.people_page.setObjectName(u"people_page")
        self.peopleLayout = QVBoxLayout(self.people_page)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.facilitators = QPlainTextEdit(self.people_page)
        self.facilitators.setObjectName(u"facilitators")

        self.peopleLayout.addWidget(self.facilitators)

        NewEventWizard.addPage(self.people_page)
        self.organiser_page = QWizardPage()
        self.organiser_page.setObjectName(u"organiser_page")
        self.organiserLayout = QVBoxLayout(self.organiser_page)
        self.organiserLayout.setObjectName(u"organiserLayout")
        self.organiserForm = QFormLayout()
        self.organiserForm.setObjectName(u"organiserForm")
        self.organiserNameLabel = QLabel(self.organiser_page)
        self.organiserNameLabel.setObjectName(u"organiserNameLabel")

        self.organiserForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organiserNameLabel)

        self.organiser_name = QLineEdit(self.organiser_page)
        self.organiser_name.setObjectName(u"organiser_name")
        self.organiser_name.setMaxLength(100)

        self.organiserForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organiser_name)

        self.organiserPasswordLabel = QLabel(self.organiser_page)
        self.organiserPasswordLabel.setObjectName(u"organiserPasswordLabel")

        self.organiserForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organiserPasswordLabel)

        self.organiser_password = QLineEdit(self.organiser_page)
        self.organiser_password.setObjectName(u"organiser_password")
        self.organiser_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.organiserForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organiser_password)

        self.organiserAgainLabel = QLabel(self.organiser_page)
        self.organiserAgainLabel.setObjectName(u"organiserAgainLabel")

        self.organiserForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organiserAgainLabel)

        self.organiser_password_again = QLineEdit(self.organiser_page)
        self.organiser_password_again.setObjectName(u"organiser_password_again")
        self.organiser_password_again.setEchoMode(QLineEdit.EchoMode.Password)

        self.organiserForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organiser_password_again)


        self.organiserLayout.addLayout(self.organiserForm)

        self.problem = QLabel(self.organiser_page)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.organiserLayout.addWidget(self.problem)

        self.organiserStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.organiserLayout.addItem(self.organiserStretch)

        NewEventWizard.addPage(self.organiser_page)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.venueLabel.setBuddy(self.venue)
        self.firstDayLabel.setBuddy(self.first_day)
        self.dayCountLabel.setBuddy(self.day_count)
        self.organiserNameLabel.setBuddy(self.organiser_name)
        self.organiserPasswordLabel.setBuddy(self.organiser_password)
        self.organiserAgainLabel.setBuddy(self.organiser_password_again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewEventWizard)

        QMetaObject.connectSlotsByName(NewEventWizard)
    # setupUi

    def retranslateUi(self, NewEventWizard):
        NewEventWizard.setWindowTitle(ui_text(u"New event", None))
        self.about_page.setTitle(ui_text(u"The event", None))
        self.nameLabel.setText(ui_text(u"Name", None))
        self.venueLabel.setText(ui_text(u"Place", None))
        self.days_page.setTitle(ui_text(u"The days", None))
        self.firstDayLabel.setText(ui_text(u"First day", None))
        self.dayCountLabel.setText(ui_text(u"Number of days (one after the other)", None))
        self.themes_page.setTitle(ui_text(u"Themes and their questions", None))
        self.themes_page.setSubTitle(ui_text(u"One row per theme: its name, its \u201chow might we\u201d question and its tables a day.", None))
        ___qtablewidgetitem = self.themes.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(ui_text(u"Theme", None))
        ___qtablewidgetitem1 = self.themes.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(ui_text(u"Question", None))
        ___qtablewidgetitem2 = self.themes.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(ui_text(u"Tables a day", None))
        self.add_theme_button.setText(ui_text(u"&Add a theme", None))
        self.remove_theme_button.setText(ui_text(u"&Remove the selected theme", None))
        self.people_page.setTitle(ui_text(u"Facilitators", None))
        self.people_page.setSubTitle(ui_text(u"One name a line; they get the tables in turn.", None))
        self.organiser_page.setTitle(ui_text(u"The first organiser", None))
        self.organiser_page.setSubTitle(ui_text(u"Organisers sign in with this name and password to open Organisation, restore a backup or change a laptop's role. The password has at least 10 characters.", None))
        self.organiserNameLabel.setText(ui_text(u"Your name", None))
        self.organiserPasswordLabel.setText(ui_text(u"Password", None))
        self.organiserAgainLabel.setText(ui_text(u"Password again", None))
    # retranslateUi

