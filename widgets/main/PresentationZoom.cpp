#include "main/PresentationZoom.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QMenu>
#include <QWidget>

#include "main/AppSettings.h"

namespace rlhf::widgets {

namespace {
constexpr int kPresentationPercent = 160;
}

PresentationZoom::PresentationZoom(QObject* parent)
    : QObject(parent), baseFont_(QApplication::font()), baseFixedFont_(QFontDatabase::systemFont(QFontDatabase::FixedFont)) {
    setPercent(AppSettings::zoomPercent());
}

void PresentationZoom::setPercent(int percent) {
    percent_ = std::clamp(percent, 70, 300);
    auto scaled = [this](QFont font) {
        if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * percent_ / 100.0);
        else font.setPixelSize(std::max(1, font.pixelSize() * percent_ / 100));  // a font sized in pixels
        return font;
    };
    QApplication::setFont(scaled(baseFont_));
    // Widgets that chose a fixed-pitch font keep their own: scale those too.
    for (QWidget* w : QApplication::allWidgets())
        if (w->font().fixedPitch() && w->font().family() == baseFixedFont_.family()) w->setFont(scaled(baseFixedFont_));
    AppSettings::setZoomPercent(percent_);
    emit changed(percent_);
}

void PresentationZoom::addActions(QMenu* view) {
    QAction* in = view->addAction(tr("Zoom &In"), this, [this] { setPercent(percent_ + 10); });
    in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { setPercent(percent_ - 10); });
    view->addAction(tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), this, [this] { setPercent(100); });
    QAction* presentation = view->addAction(tr("&Presentation Zoom"), QKeySequence(tr("Ctrl+Shift+P")), this,
                                            [this] { setPercent(percent_ >= kPresentationPercent ? 100 : kPresentationPercent); });
    presentation->setToolTip(tr("Large fonts in every panel, for a projector"));
}

}  // namespace rlhf::widgets
