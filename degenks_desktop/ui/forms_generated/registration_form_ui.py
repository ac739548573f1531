# Generated from forms/registration_form.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/registration_form.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'registration_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RegistrationForm(object):
    def setupUi(self, RegistrationForm):
        if not RegistrationForm.objectName():
            RegistrationForm.setObjectName(u"RegistrationForm")
        self.formLayout = QVBoxLayout(RegistrationForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(RegistrationForm)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.formLayout.addWidget(self.summary)

        self.fields_area = QScrollArea(RegistrationForm)
        self.fields_area.setObjectName(u"fields_area")
        self.fields_area.setFrameShape(QFrame.NoFrame)
        self.fields_area.setWidgetResizable(True)
        self.fields = QWidget()
        self.fields.setObjectName(u"fields")
        self.fieldsForm = QFormLayout(self.fields)
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.firstNameLabel = QLabel(self.fields)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.first_name = QLineEdit(self.fields)
        self.first_name.setObjectName(u"first_name")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.first_name)

        self.lastNameLabel = QLabel(self.fields)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.last_name = QLineEdit(self.fields)
        self.last_name.setObjectName(u"last_name")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.last_name)

        self.emailLabel = QLabel(self.fields)
        self.emailLabel.setObjectName(u"emailLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(self.fields)
        self.email.setObjectName(u"email")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email)

        self.phoneLabel = QLabel(self.fields)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.fields)
        self.phone.setObjectName(u"phone")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone)

        self.streetLabel = QLabel(self.fields)
        self.streetLabel.setObjectName(u"streetLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.streetLabel)

        self.street = QLineEdit(self.fields)
        self.street.setObjectName(u"street")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.street)

        self.postcodeLabel = QLabel(self.fields)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeAndTown = QHBoxLayout()
        self.postcodeAndTown.setObjectName(u"postcodeAndTown")
        self.postcode = QLineEdit(self.fields)
        self.postcode.setObjectName(u"postcode")

        self.postcodeAndTown.addWidget(self.postcode)

        self.town = QLineEdit(self.fields)
        self.town.setObjectName(u"town")

        self.postcodeAndTown.addWidget(self.town)

        self.postcodeAndTown.setStretch(0, 1)
        self.postcodeAndTown.setStretch(1, 3)

        self.fieldsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.postcodeAndTown)

        self.contact_consent = QCheckBox(self.fields)
        self.contact_consent.setObjectName(u"contact_consent")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contact_consent)

        self.languageLabel = QLabel(self.fields)
        self.languageLabel.setObjectName(u"languageLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.fields)
        self.language.setObjectName(u"language")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.language)

        self.languageNeedLabel = QLabel(self.fields)
        self.languageNeedLabel.setObjectName(u"languageNeedLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.languageNeedLabel)

        self.language_need = QLineEdit(self.fields)
        self.language_need.setObjectName(u"language_need")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.language_need)

        self.deskNoteLabel = QLabel(self.fields)
        self.deskNoteLabel.setObjectName(u"deskNoteLabel")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.deskNoteLabel)

        self.desk_note = QLineEdit(self.fields)
        self.desk_note.setObjectName(u"desk_note")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.desk_note)

        self.stayWithLabel = QLabel(self.fields)
        self.stayWithLabel.setObjectName(u"stayWithLabel")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.stayWithLabel)

        self.stay_with = QLineEdit(self.fields)
        self.stay_with.setObjectName(u"stay_with")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.stay_with)

        self.dayLabel = QLabel(self.fields)
        self.dayLabel.setObjectName(u"dayLabel")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day = QComboBox(self.fields)
        self.day.setObjectName(u"day")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.day)

        self.firstThemeLabel = QLabel(self.fields)
        self.firstThemeLabel.setObjectName(u"firstThemeLabel")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.firstThemeLabel)

        self.first_theme = QComboBox(self.fields)
        self.first_theme.setObjectName(u"first_theme")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.first_theme)

        self.secondThemeLabel = QLabel(self.fields)
        self.secondThemeLabel.setObjectName(u"secondThemeLabel")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.secondThemeLabel)

        self.second_theme = QComboBox(self.fields)
        self.second_theme.setObjectName(u"second_theme")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.second_theme)

        self.consent = QCheckBox(self.fields)
        self.consent.setObjectName(u"consent")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.consent)

        self.fields_area.setWidget(self.fields)

        self.formLayout.addWidget(self.fields_area)

        self.problem = QLabel(RegistrationForm)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.formLayout.addWidget(self.problem)

        self.buttonGrid = QGridLayout()
        self.buttonGrid.setObjectName(u"buttonGrid")
        self.save_button = QPushButton(RegistrationForm)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.buttonGrid.addWidget(self.save_button, 0, 0, 1, 1)

        self.check_in_button = QPushButton(RegistrationForm)
        self.check_in_button.setObjectName(u"check_in_button")
        self.check_in_button.setAutoDefault(False)

        self.buttonGrid.addWidget(self.check_in_button, 0, 1, 1, 1)

        self.cancel_button = QPushButton(RegistrationForm)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttonGrid.addWidget(self.cancel_button, 1, 0, 1, 1)

        self.merge_button = QPushButton(RegistrationForm)
        self.merge_button.setObjectName(u"merge_button")
        self.merge_button.setAutoDefault(False)

        self.buttonGrid.addWidget(self.merge_button, 1, 1, 1, 1)

        self.reprint_button = QPushButton(RegistrationForm)
        self.reprint_button.setObjectName(u"reprint_button")
        self.reprint_button.setAutoDefault(False)

        self.buttonGrid.addWidget(self.reprint_button, 2, 0, 1, 1)


        self.formLayout.addLayout(self.buttonGrid)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.first_name)
        self.lastNameLabel.setBuddy(self.last_name)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
        self.streetLabel.setBuddy(self.street)
        self.postcodeLabel.setBuddy(self.postcode)
        self.languageLabel.setBuddy(self.language)
        self.languageNeedLabel.setBuddy(self.language_need)
        self.deskNoteLabel.setBuddy(self.desk_note)
        self.stayWithLabel.setBuddy(self.stay_with)
        self.dayLabel.setBuddy(self.day)
        self.firstThemeLabel.setBuddy(self.first_theme)
        self.secondThemeLabel.setBuddy(self.second_theme)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.first_name, self.last_name)
        QWidget.setTabOrder(self.last_name, self.email)
        QWidget.setTabOrder(self.email, self.phone)
        QWidget.setTabOrder(self.phone, self.street)
        QWidget.setTabOrder(self.street, self.postcode)
        QWidget.setTabOrder(self.postcode, self.town)
        QWidget.setTabOrder(self.town, self.contact_consent)
        QWidget.setTabOrder(self.contact_consent, self.language)
        QWidget.setTabOrder(self.language, self.language_need)
        QWidget.setTabOrder(self.language_need, self.desk_note)
        QWidget.setTabOrder(self.desk_note, self.stay_with)
        QWidget.setTabOrder(self.stay_with, self.day)
        QWidget.setTabOrder(self.day, self.first_theme)
        QWidget.setTabOrder(self.first_theme, self.second_theme)
        QWidget.setTabOrder(self.second_theme, self.consent)
        QWidget.setTabOrder(self.consent, self.save_button)
        QWidget.setTabOrder(self.save_button, self.check_in_button)
        QWidget.setTabOrder(self.check_in_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.merge_button)
        QWidget.setTabOrder(self.merge_button, self.reprint_button)

        self.retranslateUi(RegistrationForm)

        QMetaObject.connectSlotsByName(RegistrationForm)
    # setupUi

    def retranslateUi(self, RegistrationForm):
        self.firstNameLabel.setText(ui_text(u"First name", None))
        self.lastNameLabel.setText(ui_text(u"Last name", None))
        self.emailLabel.setText(ui_text(u"E-mail", None))
        self.phoneLabel.setText(ui_text(u"Phone", None))
        self.streetLabel.setText(ui_text(u"Street and number", None))
        self.postcodeLabel.setText(ui_text(u"Postcode and town", None))
#if QT_CONFIG(accessibility)
        self.postcode.setAccessibleName(ui_text(u"Postcode", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.town.setAccessibleName(ui_text(u"Town", None))
#endif // QT_CONFIG(accessibility)
        self.contact_consent.setText(ui_text(u"May be contacted after the day (postcard, follow-up)", None))
        self.languageLabel.setText(ui_text(u"Language", None))
        self.languageNeedLabel.setText(ui_text(u"Language help", None))
        self.language_need.setPlaceholderText(ui_text(u"e.g. whispered translation into Turkish", None))
        self.deskNoteLabel.setText(ui_text(u"Note for the desk", None))
        self.stayWithLabel.setText(ui_text(u"Sits with", None))
        self.stay_with.setPlaceholderText(ui_text(u"the same word for people who sit together", None))
        self.dayLabel.setText(ui_text(u"Day", None))
        self.firstThemeLabel.setText(ui_text(u"Theme, first choice", None))
        self.secondThemeLabel.setText(ui_text(u"Theme, second choice", None))
        self.consent.setText(ui_text(u"Consent to diversity questions", None))
        self.save_button.setText(ui_text(u"&Save", None))
        self.merge_button.setText(ui_text(u"&Merge with\u2026", None))
        self.reprint_button.setText(ui_text(u"&Reprint badge\u2026", None))
        pass
    # retranslateUi

