# Generated from forms/import_review_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/import_review_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_review_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHeaderView, QLabel, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_ImportReviewPage(object):
    def setupUi(self, ImportReviewPage):
        if not ImportReviewPage.objectName():
            ImportReviewPage.setObjectName(u"ImportReviewPage")
        self.pageLayout = QVBoxLayout(ImportReviewPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.summary = QLabel(ImportReviewPage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.pageLayout.addWidget(self.summary)

        self.details = QTreeWidget(ImportReviewPage)
        self.details.setObjectName(u"details")

        self.pageLayout.addWidget(self.details)

        self.pageLayout.setStretch(1, 1)

        self.retranslateUi(ImportReviewPage)

        QMetaObject.connectSlotsByName(ImportReviewPage)
    # setupUi

    def retranslateUi(self, ImportReviewPage):
        ImportReviewPage.setTitle(ui_text(u"Check what will change", None))
        ImportReviewPage.setSubTitle(ui_text(u"Nothing is stored until you press Import.", None))
        ___qtreewidgetitem = self.details.headerItem()
        ___qtreewidgetitem.setText(1, ui_text(u"What", None))
        ___qtreewidgetitem.setText(0, ui_text(u"Line", None))
    # retranslateUi

