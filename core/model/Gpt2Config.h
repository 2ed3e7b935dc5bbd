#pragma once
// GPT-2 hyper-parameters under their Hugging Face config.json names, so a checkpoint directory is
// what `transformers` writes and reads (architecture §4).

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rlhf::model {

// The MLP activations of Hugging Face's ACT2FN that GPT-2 configs use.
enum class Activation { GeluTanh, GeluErf, Relu, Silu, QuickGelu };

struct Gpt2Config {
    int vocabSize = 50257;        // vocab_size
    int nPositions = 1024;        // n_positions: the context length
    int nEmbd = 768;              // n_embd: the residual width C
    int nLayer = 12;              // n_layer
    int nHead = 12;               // n_head: C / n_head is the head size
    int nInner = 0;               // n_inner: MLP width; 0 (JSON null) means 4 * n_embd
    double layerNormEpsilon = 1e-5;  // layer_norm_epsilon
    int bosTokenId = 50256;       // bos_token_id
    int eosTokenId = 50256;       // eos_token_id
    int padTokenId = -1;          // pad_token_id; -1 (null) when unset
    int numLabels = 1;            // for reward/value models (GPT2ForSequenceClassification)
    bool scaleAttnWeights = true;            // scale_attn_weights: scores / sqrt(head size)
    bool scaleAttnByInverseLayerIdx = false; // scale_attn_by_inverse_layer_idx: scores / (layer + 1) too
    bool tieWordEmbeddings = true;           // tie_word_embeddings: the output layer is wte; false: its own lm_head
    // activation_function of the MLP, as Hugging Face names it: gelu_new (GPT-2's tanh GELU; also
    // gelu_pytorch_tanh, gelu_fast), gelu (erf), relu, silu (swish), quick_gelu (x sigmoid(1.702 x)).
    std::string activation = "gelu_new";

    int mlpWidth() const { return nInner > 0 ? nInner : 4 * nEmbd; }
    // The number of parameters such a model has (the embeddings once: tied), in double because a
    // malformed config can describe more than int64 counts.
    double parameterCount() const;
    int headSize() const { return nEmbd / nHead; }
    // gelu_new, gelu_pytorch_tanh and gelu_fast are one formula (GPT-2's tanh GELU); swish is silu.
    Activation activationKind() const;

    // Throws std::invalid_argument naming `origin` (a file) and the field that is missing or wrong.
    static Gpt2Config fromJson(const nlohmann::json& j, const std::string& origin);
    static Gpt2Config fromFile(const std::string& configJsonPath);
    // HF GPT-2 fields; `architecture` is e.g. "GPT2LMHeadModel" or "GPT2ForSequenceClassification".
    nlohmann::json toJson(const std::string& architecture = "GPT2LMHeadModel") const;
};

}  // namespace rlhf::model
