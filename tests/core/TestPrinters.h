#pragma once
// Lets QCOMPARE print std::string and word lists when a comparison fails.
#include <QtTest>

#include <string>
#include <vector>

namespace QTest {
inline char* toString(const std::string& s) { return qstrdup(("\"" + s + "\"").c_str()); }
inline char* toString(const std::vector<std::string>& words) {
    std::string out = "[";
    for (size_t i = 0; i < words.size(); ++i) out += (i ? ", \"" : "\"") + words[i] + "\"";
    return qstrdup((out + "]").c_str());
}
}  // namespace QTest
