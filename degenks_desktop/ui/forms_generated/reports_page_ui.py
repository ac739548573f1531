# Generated from forms/reports_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/reports_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_page.ui'
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
    QGroupBox, QLabel, QPushButton, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ReportsForm(object):
    def setupUi(self, ReportsForm):
        if not ReportsForm.objectName():
            ReportsForm.setObjectName(u"ReportsForm")
        self.pageLayout = QVBoxLayout(ReportsForm)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.reportBox = QGroupBox(ReportsForm)
        self.reportBox.setObjectName(u"reportBox")
        self.reportForm = QFormLayout(self.reportBox)
        self.reportForm.setObjectName(u"reportForm")
        self.scopeLabel = QLabel(self.reportBox)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scopeLabel)

        self.scope = QComboBox(self.reportBox)
        self.scope.setObjectName(u"scope")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scope)

        self.dayLabel = QLabel(self.reportBox)
        self.dayLabel.setObjectName(u"dayLabel")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day_box = QComboBox(self.reportBox)
        self.day_box.setObjectName(u"day_box")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.day_box)

        self.tableLabel = QLabel(self.reportBox)
        self.tableLabel.setObjectName(u"tableLabel")

        self.reportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.tableLabel)

        self.table_number = QSpinBox(self.reportBox)
        self.table_number.setObjectName(u"table_number")
        self.table_number.setMaximum(999)

        self.reportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.table_number)

        self.languageLabel = QLabel(self.reportBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.reportBox)
        self.language.setObjectName(u"language")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.language)

        self.report_button = QPushButton(self.reportBox)
        self.report_button.setObjectName(u"report_button")

        self.reportForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.report_button)


        self.pageLayout.addWidget(self.reportBox)

        self.exportBox = QGroupBox(ReportsForm)
        self.exportBox.setObjectName(u"exportBox")
        self.exportForm = QFormLayout(self.exportBox)
        self.exportForm.setObjectName(u"exportForm")
        self.exportWhatLabel = QLabel(self.exportBox)
        self.exportWhatLabel.setObjectName(u"exportWhatLabel")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.exportWhatLabel)

        self.export_what = QComboBox(self.exportBox)
        self.export_what.setObjectName(u"export_what")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.export_what)

        self.anonymous = QCheckBox(self.exportBox)
        self.anonymous.setObjectName(u"anonymous")
        self.anonymous.setChecked(True)

        self.exportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.anonymous)

        self.export_button = QPushButton(self.exportBox)
        self.export_button.setObjectName(u"export_button")

        self.exportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.export_button)


        self.pageLayout.addWidget(self.exportBox)

#if QT_CONFIG(shortcut)
        self.scopeLabel.setBuddy(self.scope)
        self.dayLabel.setBuddy(self.day_box)
        self.tableLabel.setBuddy(self.table_number)
        self.languageLabel.setBuddy(self.language)
        self.exportWhatLabel.setBuddy(self.export_what)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsForm)

        QMetaObject.connectSlotsByName(ReportsForm)
    # setupUi

    def retranslateUi(self, ReportsForm):
        self.reportBox.setTitle(ui_text(u"Report (PDF)", None))
        self.scopeLabel.setText(ui_text(u"What", None))
        self.dayLabel.setText(ui_text(u"Day", None))
        self.tableLabel.setText(ui_text(u"One table (its one-pager)", None))
        self.table_number.setSpecialValueText(ui_text(u"all tables", None))
        self.languageLabel.setText(ui_text(u"Language", None))
        self.report_button.setText(ui_text(u"Make the &report\u2026", None))
        self.exportBox.setTitle(ui_text(u"Export (Excel or CSV)", None))
        self.exportWhatLabel.setText(ui_text(u"What", None))
        self.anonymous.setText(ui_text(u"Anonymous: no names, contact details or badge codes", None))
        self.export_button.setText(ui_text(u"&Export\u2026", None))
        pass
    # retranslateUi

