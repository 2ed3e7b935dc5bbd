#pragma once
// A plot axis labelled with names at 0, 1, 2, … (the matrix plots: labellers, arena models).

#include <QSharedPointer>
#include <QStringList>

#include <qcustomplot.h>

namespace rlhf::widgets {

inline QSharedPointer<QCPAxisTickerText> namesTicker(const QStringList& names) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < names.size(); ++i) ticker->addTick(i, names[i]);
    return ticker;
}

}  // namespace rlhf::widgets
