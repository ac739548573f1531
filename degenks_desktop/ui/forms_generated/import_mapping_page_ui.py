# Generated from forms/import_mapping_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/import_mapping_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_mapping_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_ImportMappingPage(object):
    def setupUi(self, ImportMappingPage):
        if not ImportMappingPage.objectName():
            ImportMappingPage.setObjectName(u"ImportMappingPage")
        self.pageLayout = QVBoxLayout(ImportMappingPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.readAsRow = QHBoxLayout()
        self.readAsRow.setObjectName(u"readAsRow")
        self.readAs = QLabel(ImportMappingPage)
        self.readAs.setObjectName(u"readAs")
        self.readAs.setWordWrap(True)

        self.readAsRow.addWidget(self.readAs)

        self.sheetLabel = QLabel(ImportMappingPage)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.readAsRow.addWidget(self.sheetLabel)

        self.sheet = QComboBox(ImportMappingPage)
        self.sheet.setObjectName(u"sheet")

        self.readAsRow.addWidget(self.sheet)

        self.headerLineLabel = QLabel(ImportMappingPage)
        self.headerLineLabel.setObjectName(u"headerLineLabel")

        self.readAsRow.addWidget(self.headerLineLabel)

        self.headerLine = QSpinBox(ImportMappingPage)
        self.headerLine.setObjectName(u"headerLine")
        self.headerLine.setMinimum(1)
        self.headerLine.setMaximum(50)

        self.readAsRow.addWidget(self.headerLine)

        self.readAsRow.setStretch(0, 1)

        self.pageLayout.addLayout(self.readAsRow)

        self.columns = QTableWidget(ImportMappingPage)
        if (self.columns.columnCount() < 3):
            self.columns.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.columns.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.columns.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.columns.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.columns.setObjectName(u"columns")
        self.columns.horizontalHeader().setStretchLastSection(True)

        self.pageLayout.addWidget(self.columns)

        self.previewLabel = QLabel(ImportMappingPage)
        self.previewLabel.setObjectName(u"previewLabel")

        self.pageLayout.addWidget(self.previewLabel)

        self.preview = QTableWidget(ImportMappingPage)
        self.preview.setObjectName(u"preview")

        self.pageLayout.addWidget(self.preview)

        self.problem = QLabel(ImportMappingPage)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"tone", u"problem")

        self.pageLayout.addWidget(self.problem)

        self.pageLayout.setStretch(1, 2)
        self.pageLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.sheetLabel.setBuddy(self.sheet)
        self.headerLineLabel.setBuddy(self.headerLine)
        self.previewLabel.setBuddy(self.preview)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sheet, self.headerLine)
        QWidget.setTabOrder(self.headerLine, self.columns)
        QWidget.setTabOrder(self.columns, self.preview)

        self.retranslateUi(ImportMappingPage)

        QMetaObject.connectSlotsByName(ImportMappingPage)
    # setupUi

    def retranslateUi(self, ImportMappingPage):
        ImportMappingPage.setTitle(ui_text(u"Check the columns", None))
        ImportMappingPage.setSubTitle(ui_text(u"The app recognised these columns; correct what is wrong. It remembers your choice for the next file with the same columns.", None))
        self.sheetLabel.setText(ui_text(u"&Sheet", None))
        self.headerLineLabel.setText(ui_text(u"Column names on &row", None))
        ___qtablewidgetitem = self.columns.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(ui_text(u"Column in the file", None))
        ___qtablewidgetitem1 = self.columns.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(ui_text(u"Example", None))
        ___qtablewidgetitem2 = self.columns.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(ui_text(u"Means", None))
        self.previewLabel.setText(ui_text(u"The first rows as they will be read:", None))
    # retranslateUi

