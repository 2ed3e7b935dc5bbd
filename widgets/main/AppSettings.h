#pragma once
// Every settings key, typed and declared in one place (DESIGN §6): no literal keys elsewhere.
#include <QByteArray>
#include <QSettings>

namespace rlhf::widgets {

struct AppSettings {
    static QByteArray windowGeometry() { return QSettings().value(kWindowGeometry).toByteArray(); }
    static void setWindowGeometry(const QByteArray& v) { QSettings().setValue(kWindowGeometry, v); }
    static QByteArray windowState() { return QSettings().value(kWindowState).toByteArray(); }
    static void setWindowState(const QByteArray& v) { QSettings().setValue(kWindowState, v); }

private:
    static constexpr const char* kWindowGeometry = "window/geometry";
    static constexpr const char* kWindowState = "window/state";
};

}  // namespace rlhf::widgets
