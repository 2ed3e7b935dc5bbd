#pragma once
// A model column's settings for its replies: temperature, top-p, new tokens at most, greedy, and the
// conversation format (the cues the model was trained with). As the JSON fields of a `rlhf chat --json`
// request (docs/chat.md).

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace rlhf::widgets {

class SamplingSettings : public QWidget {
    Q_OBJECT
public:
    explicit SamplingSettings(QWidget* parent = nullptr);

    // {"temperature", "top_p", "max_new_tokens", "greedy", "user_cue", "assistant_cue"}
    QJsonObject requestFields() const;
    void set(double temperature, double topP, int maxNewTokens, bool greedy);
    // The model talks in its own chat template (`format`: chatml, llama-3, …): the format choice, which
    // only a GPT-2's cues follow, shows that template and is disabled.
    void useChatTemplate(const QString& format);

private:
    QDoubleSpinBox* temperature_ = nullptr;
    QDoubleSpinBox* topP_ = nullptr;
    QSpinBox* maxTokens_ = nullptr;
    QCheckBox* greedy_ = nullptr;
    QComboBox* format_ = nullptr;  // item data: [user cue, assistant cue]
};

}  // namespace rlhf::widgets
