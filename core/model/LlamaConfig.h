#pragma once
// Hyper-parameters of the Llama family (Hugging Face's LlamaConfig and Qwen2Config, by their config.json
// names): RMSNorm, rotary position embeddings in the rotate-half layout with rope_theta and the
// rope_scaling types small current checkpoints use (none, linear, dynamic NTK, llama3, yarn), a SwiGLU MLP, grouped-query
// attention, optional biases (Qwen2: q/k/v always), tied or untied embeddings.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rlhf::model {

struct RopeScaling {
    std::string type = "default";      // default, linear, dynamic, llama3 or yarn (rope_scaling.rope_type, or its older name type)
    double factor = 1;                 // linear, dynamic, llama3 and yarn
    double lowFreqFactor = 1;          // llama3: low_freq_factor
    double highFreqFactor = 4;         // llama3: high_freq_factor
    double originalMaxPositions = 8192;  // llama3 and yarn (default: max_position_embeddings): original_max_position_embeddings
    double betaFast = 32;              // yarn: beta_fast, the rotations above which a frequency is kept
    double betaSlow = 1;               // yarn: beta_slow, the rotations below which it is divided by factor
    bool truncate = true;              // yarn: the ramp's ends rounded to whole dimensions
    double attentionFactor = 1;        // yarn: cos and sin multiplied by it (attention_factor, or from factor and mscale)
};

struct LlamaConfig {
    std::string modelType = "llama";   // model_type: llama or qwen2
    int vocabSize = 32000;             // vocab_size
    int hiddenSize = 4096;             // hidden_size
    int intermediateSize = 11008;      // intermediate_size: the SwiGLU width
    int layers = 32;                   // num_hidden_layers
    int heads = 32;                    // num_attention_heads
    int kvHeads = 32;                  // num_key_value_heads (default: num_attention_heads)
    int headDim = 128;                 // head_dim (default: hidden_size / num_attention_heads)
    int maxPositions = 2048;           // max_position_embeddings (not a limit: rotary positions go on)
    double rmsNormEps = 1e-6;          // rms_norm_eps
    double ropeTheta = 10000;          // rope_theta
    RopeScaling ropeScaling;           // rope_scaling
    bool tieWordEmbeddings = false;    // tie_word_embeddings
    bool qkvBias = false;              // Llama: attention_bias; Qwen2: always
    bool outputBias = false;           // Llama: attention_bias (o_proj too); Qwen2: never
    bool mlpBias = false;              // mlp_bias (Llama)
    std::vector<int> eosTokenIds;      // eos_token_id: one id or a list (generation stops at any)
    int bosTokenId = -1;               // bos_token_id (-1: none)
    int padTokenId = -1;               // pad_token_id (-1: none): a sequence classifier reads each row at its last other token
    // A reward or value model (architectures names a *ForSequenceClassification): the rows of its
    // score.weight [num_labels, C] — len(id2label), else num_labels, else transformers' default 2. It has
    // no lm_head. 0 for a causal language model.
    int scoreLabels = 0;

    // The number of parameters such a model has (the embeddings once when tied).
    double parameterCount() const;

    // Throws std::invalid_argument naming `origin` and the field that is missing, wrong or not supported.
    static LlamaConfig fromJson(const nlohmann::json& j, const std::string& origin);
    // config.json of `dir`, with generation_config.json's eos_token_id ids added when it has any.
    static LlamaConfig fromDirectory(const std::string& dir);
};

// The model_type of `dir`/config.json ("" when it has none or cannot be read): picks the loader.
std::string modelTypeOf(const std::string& dir);
bool isLlamaFamily(const std::string& modelType);

}  // namespace rlhf::model
