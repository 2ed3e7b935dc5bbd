#include "CompletionOutput.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "TokenStreamPrinter.h"
#include "text/Tokenizer.h"
#include "text/Utf8.h"

namespace rlhf::cli {

void generateAndPrint(const text::Tokenizer& tokenizer, const std::vector<int>& promptIds, int num, const CompletionOutput& o,
                      const std::function<std::vector<model::Completion>(const model::TokenCallback&)>& generate) {
    std::unique_ptr<TokenStreamPrinter> printer;
    model::TokenCallback onToken;
    if (o.stream) {
        const auto form = o.json ? TokenStreamPrinter::Form::JsonLines : TokenStreamPrinter::Form::Text;
        printer = std::make_unique<TokenStreamPrinter>(tokenizer, static_cast<size_t>(num), form, o.skipSpecialTokens);
        onToken = [&printer](size_t index, int id) { return printer->onToken(index, id); };
    }
    const auto completions = generate(onToken);
    if (printer) {
        printer->finish();
        if (!o.json) return;  // the text is out
    }
    if (!o.json) {  // the generated text only; several completions each under a header line
        for (size_t i = 0; i < completions.size(); ++i) {
            if (completions.size() > 1) std::cout << "--- completion " << i + 1 << " ---\n";
            std::cout << text::withVisibleControls(tokenizer.decodeLossy(completions[i].ids, o.skipSpecialTokens)) << '\n';
        }
        std::cout << std::flush;
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : completions)
        list.push_back({{"text", tokenizer.decodeLossy(c.ids, o.skipSpecialTokens)}, {"ids", c.ids}, {"ended_with_eos", c.endedWithEos}});
    printJsonLine({{"prompt_ids", promptIds}, {"completions", list}});
}

}  // namespace rlhf::cli
