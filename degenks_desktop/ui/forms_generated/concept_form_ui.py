# Generated from forms/concept_form.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/concept_form.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'concept_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QWidget)

class Ui_ConceptForm(object):
    def setupUi(self, ConceptForm):
        if not ConceptForm.objectName():
            ConceptForm.setObjectName(u"ConceptForm")
        self.conceptLayout = QFormLayout(ConceptForm)
        self.conceptLayout.setObjectName(u"conceptLayout")
        self.titleLabel = QLabel(ConceptForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.conceptLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.concept_title = QLineEdit(ConceptForm)
        self.concept_title.setObjectName(u"concept_title")

        self.conceptLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.concept_title)

        self.descriptionLabel = QLabel(ConceptForm)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.conceptLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.concept_description = QPlainTextEdit(ConceptForm)
        self.concept_description.setObjectName(u"concept_description")
        self.concept_description.setMaximumSize(QSize(16777215, 70))
        self.concept_description.setTabChangesFocus(True)

        self.conceptLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.concept_description)

        self.whatIsAliveLabel = QLabel(ConceptForm)
        self.whatIsAliveLabel.setObjectName(u"whatIsAliveLabel")

        self.conceptLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whatIsAliveLabel)

        self.concept_what_is_alive = QPlainTextEdit(ConceptForm)
        self.concept_what_is_alive.setObjectName(u"concept_what_is_alive")
        self.concept_what_is_alive.setMaximumSize(QSize(16777215, 70))
        self.concept_what_is_alive.setTabChangesFocus(True)

        self.conceptLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.concept_what_is_alive)

        self.whatICanDoLabel = QLabel(ConceptForm)
        self.whatICanDoLabel.setObjectName(u"whatICanDoLabel")

        self.conceptLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.whatICanDoLabel)

        self.concept_what_i_can_do = QPlainTextEdit(ConceptForm)
        self.concept_what_i_can_do.setObjectName(u"concept_what_i_can_do")
        self.concept_what_i_can_do.setMaximumSize(QSize(16777215, 70))
        self.concept_what_i_can_do.setTabChangesFocus(True)

        self.conceptLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.concept_what_i_can_do)

        self.whatWeCanDoLabel = QLabel(ConceptForm)
        self.whatWeCanDoLabel.setObjectName(u"whatWeCanDoLabel")

        self.conceptLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.whatWeCanDoLabel)

        self.concept_what_we_can_do = QPlainTextEdit(ConceptForm)
        self.concept_what_we_can_do.setObjectName(u"concept_what_we_can_do")
        self.concept_what_we_can_do.setMaximumSize(QSize(16777215, 70))
        self.concept_what_we_can_do.setTabChangesFocus(True)

        self.conceptLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.concept_what_we_can_do)

        self.whatTheCityCanDoLabel = QLabel(ConceptForm)
        self.whatTheCityCanDoLabel.setObjectName(u"whatTheCityCanDoLabel")

        self.conceptLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.whatTheCityCanDoLabel)

        self.concept_what_the_city_can_do = QPlainTextEdit(ConceptForm)
        self.concept_what_the_city_can_do.setObjectName(u"concept_what_the_city_can_do")
        self.concept_what_the_city_can_do.setMaximumSize(QSize(16777215, 70))
        self.concept_what_the_city_can_do.setTabChangesFocus(True)

        self.conceptLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.concept_what_the_city_can_do)

        self.firstStepLabel = QLabel(ConceptForm)
        self.firstStepLabel.setObjectName(u"firstStepLabel")

        self.conceptLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.firstStepLabel)

        self.concept_first_step = QPlainTextEdit(ConceptForm)
        self.concept_first_step.setObjectName(u"concept_first_step")
        self.concept_first_step.setMaximumSize(QSize(16777215, 70))
        self.concept_first_step.setTabChangesFocus(True)

        self.conceptLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.concept_first_step)

        self.whoIsNeededLabel = QLabel(ConceptForm)
        self.whoIsNeededLabel.setObjectName(u"whoIsNeededLabel")

        self.conceptLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.whoIsNeededLabel)

        self.concept_who_is_needed = QPlainTextEdit(ConceptForm)
        self.concept_who_is_needed.setObjectName(u"concept_who_is_needed")
        self.concept_who_is_needed.setMaximumSize(QSize(16777215, 70))
        self.concept_who_is_needed.setTabChangesFocus(True)

        self.conceptLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.concept_who_is_needed)

        self.saved_note = QLabel(ConceptForm)
        self.saved_note.setObjectName(u"saved_note")

        self.conceptLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.saved_note)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.concept_title)
        self.descriptionLabel.setBuddy(self.concept_description)
        self.whatIsAliveLabel.setBuddy(self.concept_what_is_alive)
        self.whatICanDoLabel.setBuddy(self.concept_what_i_can_do)
        self.whatWeCanDoLabel.setBuddy(self.concept_what_we_can_do)
        self.whatTheCityCanDoLabel.setBuddy(self.concept_what_the_city_can_do)
        self.firstStepLabel.setBuddy(self.concept_first_step)
        self.whoIsNeededLabel.setBuddy(self.concept_who_is_needed)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.concept_title, self.concept_description)
        QWidget.setTabOrder(self.concept_description, self.concept_what_is_alive)
        QWidget.setTabOrder(self.concept_what_is_alive, self.concept_what_i_can_do)
        QWidget.setTabOrder(self.concept_what_i_can_do, self.concept_what_we_can_do)
        QWidget.setTabOrder(self.concept_what_we_can_do, self.concept_what_the_city_can_do)
        QWidget.setTabOrder(self.concept_what_the_city_can_do, self.concept_first_step)
        QWidget.setTabOrder(self.concept_first_step, self.concept_who_is_needed)

        self.retranslateUi(ConceptForm)

        QMetaObject.connectSlotsByName(ConceptForm)
    # setupUi

    def retranslateUi(self, ConceptForm):
        self.titleLabel.setText(ui_text(u"Title", None))
        self.descriptionLabel.setText(ui_text(u"Description", None))
        self.whatIsAliveLabel.setText(ui_text(u"What is alive?", None))
        self.whatICanDoLabel.setText(ui_text(u"What can I do?", None))
        self.whatWeCanDoLabel.setText(ui_text(u"What can we do?", None))
        self.whatTheCityCanDoLabel.setText(ui_text(u"What can the city do?", None))
        self.firstStepLabel.setText(ui_text(u"First step", None))
        self.whoIsNeededLabel.setText(ui_text(u"Who is needed", None))
        pass
    # retranslateUi

