# Generated from forms/print_page.ui by `make forms` (scripts/build_forms.py): do not
# edit. Change the form in Qt Designer (`pyside6-designer forms/print_page.ui`) instead.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_PrintForm(object):
    def setupUi(self, PrintForm):
        if not PrintForm.objectName():
            PrintForm.setObjectName(u"PrintForm")
        self.pageLayout = QVBoxLayout(PrintForm)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.destinationForm = QFormLayout()
        self.destinationForm.setObjectName(u"destinationForm")
        self.destinationLabel = QLabel(PrintForm)
        self.destinationLabel.setObjectName(u"destinationLabel")

        self.destinationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.destinationLabel)

        self.destination_box = QComboBox(PrintForm)
        self.destination_box.setObjectName(u"destination_box")

        self.destinationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.destination_box)


        self.pageLayout.addLayout(self.destinationForm)

        self.badgeBox = QGroupBox(PrintForm)
        self.badgeBox.setObjectName(u"badgeBox")
        self.badgeForm = QFormLayout(self.badgeBox)
        self.badgeForm.setObjectName(u"badgeForm")
        self.formatLabel = QLabel(self.badgeBox)
        self.formatLabel.setObjectName(u"formatLabel")

        self.badgeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.layout_box = QComboBox(self.badgeBox)
        self.layout_box.setObjectName(u"layout_box")

        self.badgeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.layout_box)

        self.custom_size = QWidget(self.badgeBox)
        self.custom_size.setObjectName(u"custom_size")
        self.customRow = QHBoxLayout(self.custom_size)
        self.customRow.setObjectName(u"customRow")
        self.customRow.setContentsMargins(0, 0, 0, 0)
        self.custom_width = QSpinBox(self.custom_size)
        self.custom_width.setObjectName(u"custom_width")
        self.custom_width.setSuffix(u" mm")

        self.customRow.addWidget(self.custom_width)

        self.byLabel = QLabel(self.custom_size)
        self.byLabel.setObjectName(u"byLabel")
        self.byLabel.setText(u"\u00d7")

        self.customRow.addWidget(self.byLabel)

        self.custom_height = QSpinBox(self.custom_size)
        self.custom_height.setObjectName(u"custom_height")
        self.custom_height.setSuffix(u" mm")

        self.customRow.addWidget(self.custom_height)

        self.customStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.customRow.addItem(self.customStretch)


        self.badgeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.custom_size)

        self.orderLabel = QLabel(self.badgeBox)
        self.orderLabel.setObjectName(u"orderLabel")

        self.badgeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.orderLabel)

        self.order_box = QComboBox(self.badgeBox)
        self.order_box.setObjectName(u"order_box")

        self.badgeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.order_box)

        self.dayLabel = QLabel(self.badgeBox)
        self.dayLabel.setObjectName(u"dayLabel")

        self.badgeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day_box = QComboBox(self.badgeBox)
        self.day_box.setObjectName(u"day_box")

        self.badgeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.day_box)

        self.badges_button = QPushButton(self.badgeBox)
        self.badges_button.setObjectName(u"badges_button")

        self.badgeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.badges_button)


        self.pageLayout.addWidget(self.badgeBox)

        self.otherBox = QGroupBox(PrintForm)
        self.otherBox.setObjectName(u"otherBox")
        self.otherRow = QHBoxLayout(self.otherBox)
        self.otherRow.setObjectName(u"otherRow")
        self.signs_button = QPushButton(self.otherBox)
        self.signs_button.setObjectName(u"signs_button")

        self.otherRow.addWidget(self.signs_button)

        self.packs_button = QPushButton(self.otherBox)
        self.packs_button.setObjectName(u"packs_button")

        self.otherRow.addWidget(self.packs_button)

        self.letters_button = QPushButton(self.otherBox)
        self.letters_button.setObjectName(u"letters_button")

        self.otherRow.addWidget(self.letters_button)

        self.waiting_letters_button = QPushButton(self.otherBox)
        self.waiting_letters_button.setObjectName(u"waiting_letters_button")

        self.otherRow.addWidget(self.waiting_letters_button)

        self.not_selected_letters_button = QPushButton(self.otherBox)
        self.not_selected_letters_button.setObjectName(u"not_selected_letters_button")

        self.otherRow.addWidget(self.not_selected_letters_button)

        self.otherStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.otherRow.addItem(self.otherStretch)


        self.pageLayout.addWidget(self.otherBox)

#if QT_CONFIG(shortcut)
        self.destinationLabel.setBuddy(self.destination_box)
        self.formatLabel.setBuddy(self.layout_box)
        self.orderLabel.setBuddy(self.order_box)
        self.dayLabel.setBuddy(self.day_box)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.destination_box, self.layout_box)
        QWidget.setTabOrder(self.layout_box, self.custom_width)
        QWidget.setTabOrder(self.custom_width, self.custom_height)
        QWidget.setTabOrder(self.custom_height, self.order_box)
        QWidget.setTabOrder(self.order_box, self.day_box)
        QWidget.setTabOrder(self.day_box, self.badges_button)
        QWidget.setTabOrder(self.badges_button, self.signs_button)
        QWidget.setTabOrder(self.signs_button, self.packs_button)
        QWidget.setTabOrder(self.packs_button, self.letters_button)
        QWidget.setTabOrder(self.letters_button, self.waiting_letters_button)
        QWidget.setTabOrder(self.waiting_letters_button, self.not_selected_letters_button)

        self.retranslateUi(PrintForm)

        QMetaObject.connectSlotsByName(PrintForm)
    # setupUi

    def retranslateUi(self, PrintForm):
        self.destinationLabel.setText(ui_text(u"Print on", None))
        self.badgeBox.setTitle(ui_text(u"Badges", None))
        self.formatLabel.setText(ui_text(u"Format", None))
        self.orderLabel.setText(ui_text(u"Order", None))
        self.dayLabel.setText(ui_text(u"Day", None))
        self.badges_button.setText(ui_text(u"Make the badges\u2026", None))
        self.otherBox.setTitle(ui_text(u"Other printed material", None))
        self.signs_button.setText(ui_text(u"Table signs\u2026", None))
        self.packs_button.setText(ui_text(u"Facilitator packs\u2026", None))
        self.letters_button.setText(ui_text(u"Invitation letters\u2026", None))
        self.waiting_letters_button.setText(ui_text(u"Waiting-list letters\u2026", None))
        self.not_selected_letters_button.setText(ui_text(u"Not-selected letters\u2026", None))
        pass
    # retranslateUi

