#pragma once
// Agreement statistics (labelling/Agreement.h) over a project's judgements: every item judged by at
// least two labellers (all-bad judgements give no values); labellers listed are those who judged any item.
// Optionally only some labellers' judgements, or only those made under one guideline version.

#include <string>
#include <vector>

#include "data/Database.h"
#include "labelling/Agreement.h"

namespace rlhf::data {

struct AgreementFilter {
    std::vector<std::string> labellers;  // empty: everyone
    std::string guideline;               // empty: any version
};

labelling::AgreementReport projectAgreement(Database& db, const AgreementFilter& filter = {});

// The guideline versions judgements were made under, in the order they first appear.
std::vector<std::string> judgedGuidelineVersions(Database& db);

}  // namespace rlhf::data
