<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DatasetPanel</name>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="23"/>
        <source>Imported %n arena battle(s); duplicates: %1, lines skipped: %2. The Chat panel&apos;s Leaderboard tab ranks the models.</source>
        <translation>
            <numerusform>Imported %n arena battle; duplicates: %1, lines skipped: %2. The Chat panel&apos;s Leaderboard tab ranks the models.</numerusform>
            <numerusform>Imported %n arena battles; duplicates: %1, lines skipped: %2. The Chat panel&apos;s Leaderboard tab ranks the models.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="29"/>
        <source>Imported %n judgement(s) (%1 replacing a labeller&apos;s earlier one); new items to rank: %2, new prompts: %3; duplicates: %4, lines skipped: %5.</source>
        <translation>
            <numerusform>Imported %n judgement (%1 replacing a labeller&apos;s earlier one); new items to rank: %2, new prompts: %3; duplicates: %4, lines skipped: %5.</numerusform>
            <numerusform>Imported %n judgements (%1 replacing a labeller&apos;s earlier one); new items to rank: %2, new prompts: %3; duplicates: %4, lines skipped: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="35"/>
        <source>Imported %n record(s) as %1 (pairs: %2, demonstrations: %3, new prompts: %4); exact duplicates: %5, lines skipped: %6.</source>
        <translation>
            <numerusform>Imported %n record as %1 (pairs: %2, demonstrations: %3, new prompts: %4); exact duplicates: %5, lines skipped: %6.</numerusform>
            <numerusform>Imported %n records as %1 (pairs: %2, demonstrations: %3, new prompts: %4); exact duplicates: %5, lines skipped: %6.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="119"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::AgreementDialog</name>
    <message numerus="yes">
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="127"/>
        <source>%1 on %n gold items, %2</source>
        <translation>
            <numerusform>%1 on %n gold item, %2</numerusform>
            <numerusform>%1 on %n gold items, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::CandidateColumn</name>
    <message numerus="yes">
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="79"/>
        <source>Show all (%n characters)</source>
        <translation>
            <numerusform>Show all (%n character)</numerusform>
            <numerusform>Show all (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatView</name>
    <message numerus="yes">
        <location filename="../widgets/chat/ChatView.cpp" line="136"/>
        <source>%n model(s) of one lineage side by side</source>
        <translation>
            <numerusform>%n model of one lineage side by side</numerusform>
            <numerusform>%n models of one lineage side by side</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/ChatView.cpp" line="195"/>
        <source>%n transcript(s) written to %1</source>
        <translation>
            <numerusform>%n transcript written to %1</numerusform>
            <numerusform>%n transcripts written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::DatasetPanel</name>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="238"/>
        <source>%n prompt(s) match</source>
        <translation>
            <numerusform>%n prompt matches</numerusform>
            <numerusform>%n prompts match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="281"/>
        <source>Delete %n near-duplicate prompt(s)</source>
        <translation>
            <numerusform>Delete %n near-duplicate prompt</numerusform>
            <numerusform>Delete %n near-duplicate prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="284"/>
        <source>%n prompt(s) deleted — Ctrl+Z brings them back</source>
        <translation>
            <numerusform>%n prompt deleted — Ctrl+Z brings it back</numerusform>
            <numerusform>%n prompts deleted — Ctrl+Z brings them back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::GptChatColumn</name>
    <message numerus="yes">
        <location filename="../widgets/chat/GptChatColumn.cpp" line="149"/>
        <source>The model no longer sees the oldest %n turn(s): they do not fit its context.</source>
        <translation>
            <numerusform>The model no longer sees the oldest turn: it does not fit its context.</numerusform>
            <numerusform>The model no longer sees the oldest %n turns: they do not fit its context.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ImportRunDialog</name>
    <message numerus="yes">
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="186"/>
        <source>Imported run #%1 (%2, %n logged step(s))</source>
        <translation>
            <numerusform>Imported run #%1 (%2, %n logged step)</numerusform>
            <numerusform>Imported run #%1 (%2, %n logged steps)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::LeaderboardView</name>
    <message numerus="yes">
        <location filename="../widgets/chat/LeaderboardView.cpp" line="161"/>
        <source>%n new comparison(s) from the arena&apos;s votes (%1 already there); %2 ties and %3 battles without a common last message are not comparisons. The reward model trains on them with the other comparisons.</source>
        <translation>
            <numerusform>%n new comparison from the arena&apos;s votes (%1 already there); %2 ties and %3 battles without a common last message are not comparisons. The reward model trains on them with the other comparisons.</numerusform>
            <numerusform>%n new comparisons from the arena&apos;s votes (%1 already there); %2 ties and %3 battles without a common last message are not comparisons. The reward model trains on them with the other comparisons.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/LeaderboardView.cpp" line="184"/>
        <source>&lt;b&gt;%n battle(s)&lt;/b&gt;, %1 models · Bradley–Terry ratings (mean 1000) with 95 % bootstrap intervals (%2 resamples, seed %3) and online Elo (K 4), as &lt;tt&gt;rlhf arena&lt;/tt&gt; computes them</source>
        <translation>
            <numerusform>&lt;b&gt;%n battle&lt;/b&gt;, %1 models · Bradley–Terry ratings (mean 1000) with 95 % bootstrap intervals (%2 resamples, seed %3) and online Elo (K 4), as &lt;tt&gt;rlhf arena&lt;/tt&gt; computes them</numerusform>
            <numerusform>&lt;b&gt;%n battles&lt;/b&gt;, %1 models · Bradley–Terry ratings (mean 1000) with 95 % bootstrap intervals (%2 resamples, seed %3) and online Elo (K 4), as &lt;tt&gt;rlhf arena&lt;/tt&gt; computes them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::NearDuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="98"/>
        <source>%n prompt(s), similarity ≥ %1</source>
        <translation>
            <numerusform>%n prompt, similarity ≥ %1</numerusform>
            <numerusform>%n prompts, similarity ≥ %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="106"/>
        <source>%n cluster(s) of near-duplicate prompts — double-click a prompt to show it</source>
        <translation>
            <numerusform>%n cluster of near-duplicate prompts — double-click a prompt to show it</numerusform>
            <numerusform>%n clusters of near-duplicate prompts — double-click a prompt to show it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RankingPanel</name>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingPanel.cpp" line="262"/>
        <source>%1 judged in all · this sitting: %n items</source>
        <translation>
            <numerusform>%1 judged in all · this sitting: %n item</numerusform>
            <numerusform>%1 judged in all · this sitting: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingPanel.cpp" line="345"/>
        <source>Wrote %1: %n items for %2. Open it in RLHF Workbench on any machine; merge it back with File → Merge Labelling Package.</source>
        <translation>
            <numerusform>Wrote %1: %n item for %2. Open it in RLHF Workbench on any machine; merge it back with File → Merge Labelling Package.</numerusform>
            <numerusform>Wrote %1: %n items for %2. Open it in RLHF Workbench on any machine; merge it back with File → Merge Labelling Package.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RankingStrip</name>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingStrip.cpp" line="74"/>
        <source>next (%n left)</source>
        <translation>
            <numerusform>next (%n left)</numerusform>
            <numerusform>next (%n left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunsPanel</name>
    <message numerus="yes">
        <location filename="../widgets/runs/RunsPanel.cpp" line="411"/>
        <source>Run #%1: %n checkpoint(s) deleted.</source>
        <translation>
            <numerusform>Run #%1: %n checkpoint deleted.</numerusform>
            <numerusform>Run #%1: %n checkpoints deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs/RunsPanel.cpp" line="434"/>
        <source>%n run(s) are training. Stop them and quit? Each writes a checkpoint and can be resumed later.</source>
        <translation>
            <numerusform>%n run is training. Stop it and quit? It writes a checkpoint and can be resumed later.</numerusform>
            <numerusform>%n runs are training. Stop them and quit? Each writes a checkpoint and can be resumed later.</numerusform>
        </translation>
    </message>
</context>
</TS>
