#include "data/JudgementSelection.h"

#include <stdexcept>

#include "data/ProjectAgreement.h"
#include "data/Screening.h"
#include "util/CommaList.h"

namespace rlhf::data {

namespace {

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

nlohmann::json JudgementSelection::toJson() const {
    return {{"labellers", labellers}, {"guideline", guideline}, {"passed_screening", passedScreening}, {"min_agreement", minAgreement}};
}

const std::set<std::string>& JudgementSelection::keys() {
    static const std::set<std::string> k = {"labellers", "guideline", "passed_screening", "min_agreement"};
    return k;
}

JudgementSelection JudgementSelection::takeFrom(nlohmann::json& settings, const std::string& origin) {
    JudgementSelection s;
    if (!settings.is_object()) return s;
    auto take = [&](const char* key, auto check) {
        if (!settings.contains(key)) return;
        if (!check(settings[key])) throw std::invalid_argument(origin + ": " + key + ": " + settings[key].dump() + " is not " + (std::string(key) == "passed_screening" ? "true or false" : std::string(key) == "min_agreement" ? "a number from 0 to 1" : "a string"));
        settings.erase(key);
    };
    take("labellers", [&](const nlohmann::json& v) { return v.is_string() && (s.labellers = v.get<std::string>(), true); });
    take("guideline", [&](const nlohmann::json& v) { return v.is_string() && (s.guideline = v.get<std::string>(), true); });
    take("passed_screening", [&](const nlohmann::json& v) { return v.is_boolean() && (s.passedScreening = v.get<bool>(), true); });
    take("min_agreement", [&](const nlohmann::json& v) {
        return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 1 && (s.minAgreement = v.get<double>(), true);
    });
    return s;
}

std::optional<std::vector<int64_t>> selectedLabellerIds(Database& db, const JudgementSelection& selection) {
    if (!selection.selectsLabellers()) return std::nullopt;
    std::set<std::string> kept;
    auto all = db.prepare("SELECT name FROM labellers");
    while (all.step()) kept.insert(all.columnText(0));
    if (!selection.labellers.empty()) {
        std::set<std::string> named;
        for (const auto& n : commaSeparatedNames(selection.labellers)) named.insert(n);
        std::erase_if(kept, [&](const std::string& n) { return !named.count(n); });
    }
    if (selection.passedScreening) {
        std::set<std::string> passed = {screeningSettings(db).goldLabeller};  // the known answers themselves
        for (const auto& r : screeningResults(db))
            if (r.passed) passed.insert(r.labeller);
        std::erase_if(kept, [&](const std::string& n) { return !passed.count(n); });
    }
    if (selection.minAgreement > 0) {
        std::set<std::string> agreeing;
        for (const auto& l : projectAgreement(db).labellers)
            if (l.agreementWithOthers && *l.agreementWithOthers >= selection.minAgreement) agreeing.insert(l.labeller);
        std::erase_if(kept, [&](const std::string& n) { return !agreeing.count(n); });
    }
    std::vector<int64_t> ids;
    auto id = db.prepare("SELECT id FROM labellers WHERE name = ?1");
    for (const auto& name : kept) {
        id.bind(1, std::string_view(name));
        if (id.step()) ids.push_back(id.columnInt(0));
        id.reset();
    }
    return ids;
}

std::string rankingCondition(Database& db, const JudgementSelection& selection) {
    std::string condition;
    if (const auto ids = selectedLabellerIds(db, selection)) {
        condition += " AND k.labeller_id IN (";
        for (size_t i = 0; i < ids->size(); ++i) condition += (i ? "," : "") + std::to_string((*ids)[i]);
        condition += ")";
    }
    if (!selection.guideline.empty()) condition += " AND k.guideline_version = " + quoted(selection.guideline);
    return condition;
}

}  // namespace rlhf::data
