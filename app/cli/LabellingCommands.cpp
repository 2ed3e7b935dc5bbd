#include "LabellingCommands.h"

#include <iomanip>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "data/EvaluationRounds.h"
#include "data/LabellingPackage.h"
#include "data/ProjectAgreement.h"
#include "data/ProjectStore.h"
#include "data/Screening.h"
#include "util/CommaList.h"

namespace rlhf::cli {

namespace {

struct LabellingOptions {
    std::string project, package, labeller, split, gold, round, baseline, labellers, guideline;
    int64_t items = 0;
    double threshold = -1;
    bool json = false;
};

nlohmann::json numberOrNull(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

std::string shown(const std::optional<double>& v) {
    if (!v) return "n/a";
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << *v;
    return s.str();
}

nlohmann::ordered_json agreementJson(const labelling::AgreementReport& r) {
    nlohmann::json cohen = nlohmann::json::array(), labellers = nlohmann::json::array();
    for (const auto& k : r.cohenKappa) cohen.push_back({{"a", k.a}, {"b", k.b}, {"n", k.n}, {"kappa", numberOrNull(k.kappa)}});
    for (const auto& l : r.labellers) labellers.push_back({{"labeller", l.labeller}, {"agreement_with_others", numberOrNull(l.agreementWithOthers)}});
    return {{"units", r.units}, {"percent_agreement", numberOrNull(r.percentAgreement)}, {"cohen_kappa", cohen},
            {"fleiss_kappa", numberOrNull(r.fleissKappa)}, {"krippendorff_alpha_nominal", numberOrNull(r.alphaNominal)},
            {"krippendorff_alpha_ordinal", numberOrNull(r.alphaOrdinal)}, {"labellers", labellers}};
}

void printAgreement(const labelling::AgreementReport& r) {
    std::cout << "units: " << r.units << " (item, response pair) with values from at least two labellers\n"
              << "percent agreement: " << shown(r.percentAgreement) << '\n'
              << "Fleiss' kappa: " << shown(r.fleissKappa) << '\n'
              << "Krippendorff's alpha: nominal " << shown(r.alphaNominal) << ", ordinal " << shown(r.alphaOrdinal) << '\n';
    if (!r.cohenKappa.empty()) std::cout << "Cohen's kappa:\n";
    for (const auto& k : r.cohenKappa) std::cout << "  " << k.a << " / " << k.b << ": " << shown(k.kappa) << " over " << k.n << " units\n";
    if (!r.labellers.empty()) std::cout << "agreement with the others:\n";
    for (const auto& l : r.labellers) std::cout << "  " << l.labeller << ": " << shown(l.agreementWithOthers) << '\n';
}

void runAgreement(const LabellingOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto report = data::projectAgreement(store->database(), {commaSeparatedNames(o.labellers), o.guideline});
    if (o.json) printJsonLine(agreementJson(report));
    else printAgreement(report);
}

void runScreening(const LabellingOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    auto settings = data::screeningSettings(store->database());
    if (!o.gold.empty() || o.threshold >= 0) {  // kept: runs with passed_screening use them
        if (!o.gold.empty()) settings.goldLabeller = o.gold;
        if (o.threshold >= 0) settings.threshold = o.threshold;
        data::setScreeningSettings(store->database(), settings);
    }
    const auto results = data::screeningResults(store->database());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results)
        list.push_back({{"labeller", r.labeller}, {"gold_items", r.goldItems}, {"score", r.goldItems ? nlohmann::json(r.score) : nlohmann::json()},
                        {"passed", r.passed}});
    if (o.json) {
        printJsonLine({{"gold", settings.goldLabeller}, {"threshold", settings.threshold}, {"labellers", list}});
        return;
    }
    std::cout << "gold labeller: " << settings.goldLabeller << ", pass threshold: " << settings.threshold << '\n';
    for (const auto& r : results)
        std::cout << "  " << r.labeller << ": " << (r.goldItems ? shown(r.score) : std::string("no gold items judged")) << " over "
                  << r.goldItems << " gold items, " << (r.passed ? "passed" : "not passed") << '\n';
}

void runRound(const LabellingOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto rounds = data::evaluationRounds(store->database());
    if (rounds.empty()) throw UserError(o.project + ": no evaluation rounds (rlhf candidates PROJECT --models A,B makes one)");
    data::RoundResults r;
    try {
        r = data::roundResults(store->database(), o.round.empty() ? rounds.back() : o.round, o.baseline);
    } catch (const std::invalid_argument& e) {
        throw UserError(e.what());
    }
    nlohmann::json models = nlohmann::json::array();
    for (const auto& m : r.models) {
        const bool baseline = m.model == r.baseline;
        const auto& w = m.winRate;
        const auto value = [&](double v) { return baseline || m.judgements == 0 ? nlohmann::json() : nlohmann::json(v); };
        models.push_back({{"model", m.model}, {"win_rate", value(w.rate)}, {"ci_low", value(w.ciLow)}, {"ci_high", value(w.ciHigh)},
                          {"wins", w.wins}, {"ties", w.ties}, {"losses", w.losses}});
    }
    if (o.json) {
        printJsonLine({{"round", r.round}, {"baseline", r.baseline}, {"items", r.items}, {"judged_items", r.judgedItems}, {"models", models}});
        return;
    }
    std::cout << "round " << r.round << ": " << r.judgedItems << " of " << r.items << " items judged; win rates against " << r.baseline
              << " (ties count half, 95 % Wilson interval)\n";
    for (const auto& m : r.models) {
        if (m.model == r.baseline) continue;
        std::cout << "  " << m.model << ": " << (m.judgements ? shown(m.winRate.rate) + " [" + shown(m.winRate.ciLow) + ", " + shown(m.winRate.ciHigh) + "]" : std::string("not judged yet"))
                  << "  " << m.winRate.wins << " wins, " << m.winRate.ties << " ties, " << m.winRate.losses << " losses\n";
    }
}

void runPackageCreate(const LabellingOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    data::PackageOptions options;
    options.labeller = o.labeller;
    if (o.items > 0) options.items = o.items;
    if (!o.split.empty()) options.split = o.split;
    data::PackageReport r;
    try {
        r = data::createPackage(store->database(), o.package, options);
    } catch (const std::invalid_argument& e) {
        throw UserError(e.what());
    }
    if (o.json) printJsonLine({{"package", r.path}, {"labeller", o.labeller}, {"items", r.items}});
    else std::cout << "wrote " << r.path << ": " << r.items << " items for " << o.labeller << '\n';
}

void runPackageMerge(const LabellingOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto r = data::mergePackage(store->database(), o.package);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& c : r.conflicts)
        conflicts.push_back({{"labeller", c.labeller}, {"prompt", c.prompt}, {"kept", c.packageWon ? "package" : "project"}});
    if (o.json) {
        printJsonLine({{"package", r.path}, {"judgements", r.judgements}, {"duplicates", r.duplicates},
                       {"conflicts", conflicts}, {"new_items", r.newItems}});
        return;
    }
    for (const auto& c : r.conflicts)
        std::cerr << r.path << ": conflict: " << c.labeller << " judged \"" << c.prompt.substr(0, 60) << "\" differently; the "
                  << (c.packageWon ? "package's" : "project's") << " later judgement counts\n";
    std::cout << "merged " << r.path << ": " << counted(r.judgements, "new judgement") << ", " << counted(r.duplicates, "duplicate") << ", "
              << counted(static_cast<int64_t>(r.conflicts.size()), "conflict") << '\n';
}

}  // namespace

void addLabellingCommands(CLI::App& app) {
    auto o = std::make_shared<LabellingOptions>();
    CLI::App* agreement = app.add_subcommand("agreement", "Inter-labeller agreement: percent, Cohen, Fleiss, Krippendorff");
    agreement->add_option("PROJECT", o->project)->required();
    agreement->add_option("--labellers", o->labellers, "Only these labellers' judgements, comma-separated (default: everyone's)");
    agreement->add_option("--guideline", o->guideline, "Only judgements made under this guideline version (default: any)");
    agreement->add_flag("--json", o->json);
    agreement->callback([o] { runAgreement(*o); });

    CLI::App* screening = app.add_subcommand("screening", "Each labeller's score on the gold items and whether they pass");
    screening->add_option("PROJECT", o->project)->required();
    screening->add_option("--gold", o->gold, "The labeller whose judgements are the known answers (kept in the project)");
    screening->add_option("--threshold", o->threshold, "The score needed to pass, 0 to 1 (kept in the project)")->check(CLI::Range(0.0, 1.0));
    screening->add_flag("--json", o->json);
    screening->callback([o] { runScreening(*o); });

    CLI::App* round = app.add_subcommand("round", "An evaluation round's win rates against its baseline, from the labellers' rankings");
    round->add_option("PROJECT", o->project)->required();
    round->add_option("--round", o->round, "The round (default: the newest)");
    round->add_option("--baseline", o->baseline, "The model the others are compared with (default: the round's first)");
    round->add_flag("--json", o->json);
    round->callback([o] { runRound(*o); });

    CLI::App* package = app.add_subcommand("package", "Offline labelling packages");
    package->require_subcommand(1);
    CLI::App* create = package->add_subcommand("create", "Write one labeller's unjudged items as a package");
    create->add_option("PROJECT", o->project)->required();
    create->add_option("OUT", o->package, "The package file (*.rlhfpkg)")->required();
    create->add_option("--labeller", o->labeller, "Who labels it")->required();
    create->add_option("--items", o->items, "The first N unjudged items (default: all)")->check(greaterThanZero());
    create->add_option("--split", o->split, "Only items of train, validation or test")->check(CLI::IsMember({"train", "validation", "test"}));
    create->add_flag("--json", o->json);
    create->callback([o] { runPackageCreate(*o); });
    CLI::App* merge = package->add_subcommand("merge", "Merge a package's judgements back into its project");
    merge->add_option("PROJECT", o->project)->required();
    merge->add_option("PKG", o->package)->required();
    merge->add_flag("--json", o->json);
    merge->callback([o] { runPackageMerge(*o); });
}

}  // namespace rlhf::cli
