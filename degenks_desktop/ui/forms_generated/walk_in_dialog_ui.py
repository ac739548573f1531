# Generated from forms/walk_in_dialog.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/walk_in_dialog.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'walk_in_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_WalkInDialog(object):
    def setupUi(self, WalkInDialog):
        if not WalkInDialog.objectName():
            WalkInDialog.setObjectName(u"WalkInDialog")
        self.dialogLayout = QVBoxLayout(WalkInDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.personForm = QFormLayout()
        self.personForm.setObjectName(u"personForm")
        self.firstNameLabel = QLabel(WalkInDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.personForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.first_name = QLineEdit(WalkInDialog)
        self.first_name.setObjectName(u"first_name")

        self.personForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.first_name)

        self.lastNameLabel = QLabel(WalkInDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.personForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.last_name = QLineEdit(WalkInDialog)
        self.last_name.setObjectName(u"last_name")

        self.personForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.last_name)

        self.dayLabel = QLabel(WalkInDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.personForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day = QComboBox(WalkInDialog)
        self.day.setObjectName(u"day")

        self.personForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.day)

        self.themeLabel = QLabel(WalkInDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.personForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.theme = QComboBox(WalkInDialog)
        self.theme.setObjectName(u"theme")

        self.personForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.theme)

        self.languageNeedLabel = QLabel(WalkInDialog)
        self.languageNeedLabel.setObjectName(u"languageNeedLabel")

        self.personForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.languageNeedLabel)

        self.language_need = QLineEdit(WalkInDialog)
        self.language_need.setObjectName(u"language_need")

        self.personForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.language_need)


        self.dialogLayout.addLayout(self.personForm)

        self.consent = QCheckBox(WalkInDialog)
        self.consent.setObjectName(u"consent")

        self.dialogLayout.addWidget(self.consent)

        self.questions = QGroupBox(WalkInDialog)
        self.questions.setObjectName(u"questions")
        self.questions.setEnabled(False)
        self.questionsForm = QFormLayout(self.questions)
        self.questionsForm.setObjectName(u"questionsForm")
        self.genderLabel = QLabel(self.questions)
        self.genderLabel.setObjectName(u"genderLabel")

        self.questionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.gender = QComboBox(self.questions)
        self.gender.setObjectName(u"gender")

        self.questionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.gender)

        self.birthYearLabel = QLabel(self.questions)
        self.birthYearLabel.setObjectName(u"birthYearLabel")

        self.questionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.birthYearLabel)

        self.birth_year = QSpinBox(self.questions)
        self.birth_year.setObjectName(u"birth_year")
        self.birth_year.setMinimum(0)
        self.birth_year.setMaximum(2100)
        self.birth_year.setValue(0)

        self.questionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.birth_year)

        self.originLabel = QLabel(self.questions)
        self.originLabel.setObjectName(u"originLabel")

        self.questionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.originLabel)

        self.origin = QComboBox(self.questions)
        self.origin.setObjectName(u"origin")

        self.questionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.origin)

        self.neighbourhoodLabel = QLabel(self.questions)
        self.neighbourhoodLabel.setObjectName(u"neighbourhoodLabel")

        self.questionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.neighbourhoodLabel)

        self.neighbourhood = QComboBox(self.questions)
        self.neighbourhood.setObjectName(u"neighbourhood")

        self.questionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.neighbourhood)

        self.educationLabel = QLabel(self.questions)
        self.educationLabel.setObjectName(u"educationLabel")

        self.questionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.education = QComboBox(self.questions)
        self.education.setObjectName(u"education")

        self.questionsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.education)

        self.workSituationLabel = QLabel(self.questions)
        self.workSituationLabel.setObjectName(u"workSituationLabel")

        self.questionsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.workSituationLabel)

        self.work_situation = QComboBox(self.questions)
        self.work_situation.setObjectName(u"work_situation")

        self.questionsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.work_situation)

        self.yearsInGenkLabel = QLabel(self.questions)
        self.yearsInGenkLabel.setObjectName(u"yearsInGenkLabel")

        self.questionsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.yearsInGenkLabel)

        self.years_in_genk = QComboBox(self.questions)
        self.years_in_genk.setObjectName(u"years_in_genk")

        self.questionsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.years_in_genk)


        self.dialogLayout.addWidget(self.questions)

        self.contact_consent = QCheckBox(WalkInDialog)
        self.contact_consent.setObjectName(u"contact_consent")

        self.dialogLayout.addWidget(self.contact_consent)

        self.problem = QLabel(WalkInDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.dialogLayout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(WalkInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.NoButton)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.first_name)
        self.lastNameLabel.setBuddy(self.last_name)
        self.dayLabel.setBuddy(self.day)
        self.themeLabel.setBuddy(self.theme)
        self.languageNeedLabel.setBuddy(self.language_need)
        self.genderLabel.setBuddy(self.gender)
        self.birthYearLabel.setBuddy(self.birth_year)
        self.originLabel.setBuddy(self.origin)
        self.neighbourhoodLabel.setBuddy(self.neighbourhood)
        self.educationLabel.setBuddy(self.education)
        self.workSituationLabel.setBuddy(self.work_situation)
        self.yearsInGenkLabel.setBuddy(self.years_in_genk)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.first_name, self.last_name)
        QWidget.setTabOrder(self.last_name, self.day)
        QWidget.setTabOrder(self.day, self.theme)
        QWidget.setTabOrder(self.theme, self.language_need)
        QWidget.setTabOrder(self.language_need, self.consent)
        QWidget.setTabOrder(self.consent, self.gender)
        QWidget.setTabOrder(self.gender, self.birth_year)
        QWidget.setTabOrder(self.birth_year, self.origin)
        QWidget.setTabOrder(self.origin, self.neighbourhood)
        QWidget.setTabOrder(self.neighbourhood, self.education)
        QWidget.setTabOrder(self.education, self.work_situation)
        QWidget.setTabOrder(self.work_situation, self.years_in_genk)
        QWidget.setTabOrder(self.years_in_genk, self.contact_consent)

        self.retranslateUi(WalkInDialog)

        QMetaObject.connectSlotsByName(WalkInDialog)
    # setupUi

    def retranslateUi(self, WalkInDialog):
        WalkInDialog.setWindowTitle(ui_text(u"Walk-in", None))
        self.firstNameLabel.setText(ui_text(u"First name", None))
        self.lastNameLabel.setText(ui_text(u"Last name", None))
        self.dayLabel.setText(ui_text(u"Day", None))
        self.themeLabel.setText(ui_text(u"Theme", None))
        self.theme.setPlaceholderText(ui_text(u"Choose a theme", None))
        self.languageNeedLabel.setText(ui_text(u"Language help", None))
        self.language_need.setPlaceholderText(ui_text(u"e.g. whispered translation into Turkish", None))
        self.consent.setText(ui_text(u"This person agrees to answer the diversity questions (optional).", None))
        self.questions.setTitle(ui_text(u"Diversity questions", None))
        self.genderLabel.setText(ui_text(u"Gender", None))
        self.birthYearLabel.setText(ui_text(u"Birth year", None))
        self.birth_year.setSpecialValueText(ui_text(u"(no answer)", None))
        self.originLabel.setText(ui_text(u"Origin", None))
        self.neighbourhoodLabel.setText(ui_text(u"Neighbourhood", None))
        self.educationLabel.setText(ui_text(u"Education", None))
        self.workSituationLabel.setText(ui_text(u"Work situation", None))
        self.yearsInGenkLabel.setText(ui_text(u"Years in Genk", None))
        self.contact_consent.setText(ui_text(u"May be contacted after the day (postcard, follow-up)", None))
    # retranslateUi

