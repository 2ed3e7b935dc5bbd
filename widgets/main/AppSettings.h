#pragma once
// Every settings key, typed and declared in one place (architecture §6): no literal keys elsewhere.
#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace rlhf::widgets {

struct AppSettings {
    static QByteArray windowGeometry() { return QSettings().value(kWindowGeometry).toByteArray(); }
    static void setWindowGeometry(const QByteArray& v) { QSettings().setValue(kWindowGeometry, v); }
    static QByteArray windowState() { return QSettings().value(kWindowState).toByteArray(); }
    static void setWindowState(const QByteArray& v) { QSettings().setValue(kWindowState, v); }

    static QStringList recentProjects() { return QSettings().value(kRecentProjects).toStringList(); }
    static void setRecentProjects(const QStringList& v) { QSettings().setValue(kRecentProjects, v); }
    static QString lastProject() { return QSettings().value(kLastProject).toString(); }
    static void setLastProject(const QString& v) { QSettings().setValue(kLastProject, v); }

    static int zoomPercent() { return QSettings().value(kZoomPercent, 100).toInt(); }
    static void setZoomPercent(int v) { QSettings().setValue(kZoomPercent, v); }

    // Model directories chosen in the New-run dialog, newest first: offered again as starting points.
    static QStringList recentModelDirectories() { return QSettings().value(kRecentModelDirectories).toStringList(); }
    static void setRecentModelDirectories(const QStringList& v) { QSettings().setValue(kRecentModelDirectories, v); }

    static QString labeller() { return QSettings().value(kLabeller).toString(); }
    static void setLabeller(const QString& v) { QSettings().setValue(kLabeller, v); }

private:
    static constexpr const char* kLabeller = "ranking/labeller";
    static constexpr const char* kRecentProjects = "projects/recent";
    static constexpr const char* kRecentModelDirectories = "runs/recent_model_directories";
    static constexpr const char* kLastProject = "projects/last";
    static constexpr const char* kWindowGeometry = "window/geometry";
    static constexpr const char* kWindowState = "window/state";
    static constexpr const char* kZoomPercent = "view/zoom_percent";
};

}  // namespace rlhf::widgets
