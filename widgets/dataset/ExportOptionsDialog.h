#pragma once
// Export's choices before the file name: the format (each says whether it holds pairs or demonstrations)
// and the split to export (all, train, validation or test).

#include <QDialog>

class QComboBox;

namespace rlhf::widgets {

class ExportOptionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportOptionsDialog(QWidget* parent = nullptr);
    QString format() const;  // "hh", "trl", …
    QString split() const;   // "" for every split

private:
    QComboBox* format_ = nullptr;
    QComboBox* split_ = nullptr;
};

}  // namespace rlhf::widgets
