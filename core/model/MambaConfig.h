#pragma once
// Hyper-parameters of Mamba (Gu & Dao 2023) by the names of Hugging Face's MambaConfig in config.json:
// a stack of residual blocks, each RMSNorm then a selective state-space mixer (MambaMixer), with
// `intermediate_size` channels, a `state_size`-wide diagonal state per channel, a causal depthwise
// convolution of width `conv_kernel`, and a time step projected through `time_step_rank` dimensions.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rlhf::model {

struct MambaConfig {
    int vocabSize = 50280;          // vocab_size
    int hiddenSize = 768;           // hidden_size (C)
    int stateSize = 16;             // state_size (N)
    int layers = 32;                // num_hidden_layers
    int intermediateSize = 1536;    // intermediate_size (I); default int(expand × hidden_size)
    int convKernel = 4;             // conv_kernel (K)
    int timeStepRank = 48;          // time_step_rank (R); "auto": ceil(hidden_size / 16)
    double layerNormEps = 1e-5;     // layer_norm_epsilon (the RMSNorms)
    bool useBias = false;           // use_bias: in_proj and out_proj biases
    bool useConvBias = true;        // use_conv_bias
    bool tieWordEmbeddings = true;  // tie_word_embeddings: the output layer is the embeddings
    // Initialisation of a model trained from scratch (transformers' MambaPreTrainedModel._init_weights).
    double initializerRange = 0.1;  // initializer_range: the embeddings' standard deviation
    double timeStepScale = 1.0;     // time_step_scale
    double timeStepMin = 0.001;     // time_step_min
    double timeStepMax = 0.1;       // time_step_max
    double timeStepFloor = 1e-4;    // time_step_floor
    bool rescalePrenormResidual = false;  // rescale_prenorm_residual: out_proj / sqrt(layers)
    std::vector<int> eosTokenIds{0};  // eos_token_id (MambaConfig's default 0), plus generation_config.json's
    int bosTokenId = 0;             // bos_token_id (-1: none)
    int padTokenId = 0;             // pad_token_id (-1: none)

    // The number of parameters (the embeddings once when tied).
    double parameterCount() const;
    // config.json of a MambaForCausalLM with these settings.
    nlohmann::json toJson() const;

    // Throws std::invalid_argument naming `origin` and the field that is missing, wrong or not supported.
    static MambaConfig fromJson(const nlohmann::json& j, const std::string& origin);
    // config.json of `dir`, with generation_config.json's eos_token_id ids added when it has any.
    static MambaConfig fromDirectory(const std::string& dir);
};

bool isMamba(const std::string& modelType);

}  // namespace rlhf::model
