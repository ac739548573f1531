# Generated from forms/import_file_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/import_file_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_file_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_ImportFilePage(object):
    def setupUi(self, ImportFilePage):
        if not ImportFilePage.objectName():
            ImportFilePage.setObjectName(u"ImportFilePage")
        self.pageLayout = QVBoxLayout(ImportFilePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.path = QLineEdit(ImportFilePage)
        self.path.setObjectName(u"path")

        self.fileRow.addWidget(self.path)

        self.browse = QPushButton(ImportFilePage)
        self.browse.setObjectName(u"browse")

        self.fileRow.addWidget(self.browse)

        self.fileRow.setStretch(0, 1)

        self.pageLayout.addLayout(self.fileRow)

        self.problem = QLabel(ImportFilePage)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")
        self.problem.setWordWrap(True)

        self.pageLayout.addWidget(self.problem)

        self.pageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.pageSpacer)

        QWidget.setTabOrder(self.path, self.browse)

        self.retranslateUi(ImportFilePage)

        QMetaObject.connectSlotsByName(ImportFilePage)
    # setupUi

    def retranslateUi(self, ImportFilePage):
        ImportFilePage.setTitle(ui_text(u"Choose the registrations file", None))
        ImportFilePage.setSubTitle(ui_text(u"A CSV file (as Excel saves it) or an Excel workbook (.xlsx).", None))
        self.browse.setText(ui_text(u"Browse\u2026", None))
    # retranslateUi

