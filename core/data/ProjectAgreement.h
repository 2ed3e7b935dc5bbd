#pragma once
// Agreement statistics (labelling/Agreement.h) over a project's judgements: every item judged by at
// least two labellers (all-bad judgements give no values); labellers listed are those who judged any item.

#include "data/Database.h"
#include "labelling/Agreement.h"

namespace rlhf::data {

labelling::AgreementReport projectAgreement(Database& db);

}  // namespace rlhf::data
