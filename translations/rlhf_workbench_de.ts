<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="25"/>
        <source>Edit prompt %1</source>
        <translation>Prompt %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="33"/>
        <source>Tag prompt %1</source>
        <translation>Prompt %1 verschlagworten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="42"/>
        <source>Edit response %1</source>
        <translation>Antwort %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="52"/>
        <source>Add demonstration to prompt %1</source>
        <translation>Demonstration zu Prompt %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="64"/>
        <source>Delete prompt %1</source>
        <translation>Prompt %1 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="19"/>
        <source>Imported %1 records (%2 pairs, %3 demonstrations, %4 new prompts) as %5; %6 exact duplicates, %7 lines skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="30"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="44"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="45"/>
        <source>%1

Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="47"/>
        <source>Import, skipping bad lines</source>
        <translation>Importieren, fehlerhafte Zeilen überspringen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="63"/>
        <source>Importing %1…</source>
        <translation>Importiere %1 …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="99"/>
        <source>Exported %1 records to %2</source>
        <translation>%1 Datensätze nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="32"/>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="36"/>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="55"/>
        <source>Prompts per split</source>
        <translation>Prompts je Aufteilung</translation>
    </message>
    <message>
        <location filename="../widgets/main/ProjectUpgrade.cpp" line="15"/>
        <source>Upgrading %1 to this version&apos;s format: rebuilding its search index…</source>
        <translation>%1 wird in das Format dieser Version überführt: der Suchindex wird neu aufgebaut…</translation>
    </message>
    <message>
        <location filename="../widgets/main/ProjectUpgrade.cpp" line="18"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>RLHF Workbench</source>
        <translation>RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="24"/>
        <source>Project file (*.rlhf) to open or create</source>
        <translation>Projektdatei (*.rlhf) zum Öffnen oder Anlegen</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::DatasetPanel</name>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="80"/>
        <source>The prompt list could not be read: %1</source>
        <translation>Die Prompt-Liste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="86"/>
        <source>Prompt %1 saved</source>
        <translation>Prompt %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="94"/>
        <source>Demonstration added to prompt %1</source>
        <translation>Demonstration zu Prompt %1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="107"/>
        <source>Search prompts and responses (all words)…</source>
        <translation>Prompts und Antworten durchsuchen (alle Wörter) …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="111"/>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="112"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="113"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="114"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="115"/>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="118"/>
        <source>Where prompts came from: an import file, or typed in</source>
        <translation>Herkunft der Prompts: eine Importdatei oder eingetippt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="120"/>
        <source>Any demos</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="120"/>
        <source>With demo</source>
        <translation>Mit Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="120"/>
        <source>Without demo</source>
        <translation>Ohne Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="121"/>
        <source>Prompts with or without a human demonstration</source>
        <translation>Prompts mit oder ohne menschliche Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="123"/>
        <source>Labelled or not</source>
        <translation>Bewertet oder nicht</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="123"/>
        <source>Labelled</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="123"/>
        <source>Unlabelled</source>
        <translation>Unbewertet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="124"/>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="125"/>
        <source>Statistics…</source>
        <translation>Statistik …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="126"/>
        <source>Duplicates…</source>
        <translation>Duplikate …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="127"/>
        <source>Clusters of near-duplicate prompts (MinHash)</source>
        <translation>Gruppen nahezu gleicher Prompts (MinHash)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="128"/>
        <source>Import a JSON-lines file (Ctrl+I); File → Export… writes one (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="173"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="175"/>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="226"/>
        <source>%n prompt(s) match</source>
        <translation>
            <numerusform>%n Prompt passt</numerusform>
            <numerusform>%n Prompts passen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="226"/>
        <source>Counting prompts…</source>
        <translation>Prompts werden gezählt…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="235"/>
        <source>No prompt matches the search and filters.</source>
        <translation>Kein Prompt passt zu Suche und Filtern.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="236"/>
        <source>No prompts yet.
Import a JSON-lines file with Import… (Ctrl+I).</source>
        <translation>Noch keine Prompts.
Importieren Sie eine JSON-Lines-Datei mit „Importieren …“ (Strg+I).</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="245"/>
        <source>Prompt %1 deleted — Ctrl+Z brings it back</source>
        <translation>Prompt %1 gelöscht — Strg+Z holt ihn zurück</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="80"/>
        <source>Import JSON lines</source>
        <translation>JSON Lines importieren</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="81"/>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="91"/>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="103"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="91"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="94"/>
        <source>Export JSON lines</source>
        <translation>JSON Lines exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="94"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="101"/>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1 …</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ElizaChatPanel</name>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="32"/>
        <source>The script ELIZA follows</source>
        <translation>Das Skript, dem ELIZA folgt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="33"/>
        <source>Load script…</source>
        <translation>Skript laden …</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="34"/>
        <source>Restart</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="35"/>
        <source>Fresh conversation: reassembly cursors, memories and LIMIT reset</source>
        <translation>Neues Gespräch: Zeiger, Gedächtnis und LIMIT zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="40"/>
        <source>Type to ELIZA and press Enter</source>
        <translation>An ELIZA schreiben und Enter drücken</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="41"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="45"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="45"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="50"/>
        <source>Script:</source>
        <translation>Skript:</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="65"/>
        <source>&lt;b&gt;Why this reply&lt;/b&gt; — the rules ELIZA applied</source>
        <translation>&lt;b&gt;Warum diese Antwort&lt;/b&gt; — die Regeln, die ELIZA anwandte</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="96"/>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="129"/>
        <source>ELIZA</source>
        <translation>ELIZA</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="97"/>
        <source>ELIZA is using %1</source>
        <translation>ELIZA verwendet %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="106"/>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="111"/>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="118"/>
        <source>Load ELIZA script</source>
        <translation>ELIZA-Skript laden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="107"/>
        <source>ELIZA scripts (*.txt *.eliza);;All files (*)</source>
        <translation>ELIZA-Skripte (*.txt *.eliza);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="111"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="126"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="146"/>
        <source>Input (normalised)</source>
        <translation>Eingabe (normalisiert)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="147"/>
        <source>Working text</source>
        <translation>Arbeitstext</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="150"/>
        <source>Keywords found</source>
        <translation>Gefundene Schlüsselwörter</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="150"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="151"/>
        <source>Keystack (top first)</source>
        <translation>Schlüsselstapel (oben zuerst)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="152"/>
        <source>LIMIT</source>
        <translation>LIMIT</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="154"/>
        <source>Rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="155"/>
        <source>Decomposition</source>
        <translation>Zerlegung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="157"/>
        <source>Component %1</source>
        <translation>Bestandteil %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="158"/>
        <source>Reassembly</source>
        <translation>Zusammensetzung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="159"/>
        <source>Link to</source>
        <translation>Verweis auf</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="161"/>
        <source>Memory stored</source>
        <translation>Gespeicherte Erinnerung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="162"/>
        <source>Memory recalled</source>
        <translation>Abgerufene Erinnerung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="162"/>
        <source>yes (no keyword, LIMIT 4)</source>
        <translation>ja (kein Schlüsselwort, LIMIT 4)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatPanel.cpp" line="163"/>
        <source>Reply from</source>
        <translation>Antwort aus</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="25"/>
        <source>RLHF Workbench</source>
        <translation>RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="38"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="41"/>
        <source>Chat — ELIZA (1966)</source>
        <translation>Chat — ELIZA (1966)</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="59"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="60"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="61"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="62"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="64"/>
        <source>Save a &amp;Copy…</source>
        <translation>&amp;Kopie speichern …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="66"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="66"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="67"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="67"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="69"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="70"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="71"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="73"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="77"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="78"/>
        <source>&amp;About RLHF Workbench</source>
        <translation>Ü&amp;ber RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="79"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="85"/>
        <location filename="../widgets/main/MainWindow.cpp" line="91"/>
        <location filename="../widgets/main/MainWindow.cpp" line="124"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="95"/>
        <source>%1 — RLHF Workbench</source>
        <translation>%1 — RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="101"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="113"/>
        <location filename="../widgets/main/MainWindow.cpp" line="117"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="113"/>
        <location filename="../widgets/main/MainWindow.cpp" line="124"/>
        <location filename="../widgets/main/MainWindow.cpp" line="130"/>
        <source>RLHF projects (*.rlhf)</source>
        <translation>RLHF-Projekte (*.rlhf)</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="117"/>
        <source>%1 already exists; use Open Project.</source>
        <translation>%1 existiert bereits; bitte „Projekt öffnen“ verwenden.</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="130"/>
        <location filename="../widgets/main/MainWindow.cpp" line="136"/>
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="134"/>
        <source>Copy saved to %1</source>
        <translation>Kopie nach %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="141"/>
        <source>About RLHF Workbench</source>
        <translation>Über RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="142"/>
        <source>&lt;h3&gt;RLHF Workbench %1&lt;/h3&gt;&lt;p&gt;The InstructGPT recipe on one machine, with ELIZA (1966) alongside.&lt;/p&gt;&lt;p&gt;Qt %2 · LibTorch %3 · SQLite %4&lt;/p&gt;&lt;p&gt;ELIZA scripts: DOCTOR from J. Weizenbaum, CACM 9(1), 1966, and the 1965 .TAPE. 100 listing, transcribed by Anthony Hay (CC0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::NearDuplicatesDialog</name>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="26"/>
        <source>Near-duplicate prompts</source>
        <translation>Nahezu gleiche Prompts</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="27"/>
        <source>Comparing prompts (MinHash, similarity ≥ %1)…</source>
        <translation>Vergleiche Prompts (MinHash, Ähnlichkeit ≥ %1) …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="29"/>
        <source>Cluster / prompt</source>
        <translation>Gruppe / Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="29"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="57"/>
        <source>Cluster %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="57"/>
        <source>%n prompt(s), similarity ≥ %1</source>
        <translation>
            <numerusform>%n Prompt, Ähnlichkeit ≥ %1</numerusform>
            <numerusform>%n Prompts, Ähnlichkeit ≥ %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="59"/>
        <source>Prompt %1</source>
        <translation>Prompt %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="64"/>
        <source>No near-duplicate prompts.</source>
        <translation>Keine nahezu gleichen Prompts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="65"/>
        <source>%n cluster(s) of near-duplicate prompts — double-click a prompt to show it</source>
        <translation>
            <numerusform>%n Gruppe nahezu gleicher Prompts — Doppelklick zeigt einen Prompt</numerusform>
            <numerusform>%n Gruppen nahezu gleicher Prompts — Doppelklick zeigt einen Prompt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PromptDetailView</name>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="27"/>
        <source>Select a prompt</source>
        <translation>Prompt auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="28"/>
        <source>Save prompt</source>
        <translation>Prompt speichern</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="29"/>
        <source>Save the edited prompt (Ctrl+S); Ctrl+Z undoes it</source>
        <translation>Den bearbeiteten Prompt speichern (Strg+S); Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="31"/>
        <source>Tags, separated by commas — Enter to apply</source>
        <translation>Schlagwörter, durch Kommas getrennt — Enter übernimmt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="35"/>
        <source>Edit response…</source>
        <translation>Antwort bearbeiten …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="36"/>
        <source>Add demonstration…</source>
        <translation>Demonstration hinzufügen …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="46"/>
        <source>&lt;b&gt;Responses&lt;/b&gt;</source>
        <translation>&lt;b&gt;Antworten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="73"/>
        <source>&lt;b&gt;Prompt %1&lt;/b&gt; · split %2 · %3</source>
        <translation>&lt;b&gt;Prompt %1&lt;/b&gt; · Aufteilung %2 · %3</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="73"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="74"/>
        <source>&lt;b&gt;No prompt selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Prompt ausgewählt&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="101"/>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="106"/>
        <source> · chosen</source>
        <translation> · bevorzugt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="102"/>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="107"/>
        <source> · rejected</source>
        <translation> · abgelehnt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="104"/>
        <source>#%1 · %2%3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="118"/>
        <source>Edit response #%1</source>
        <translation>Antwort #%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="118"/>
        <source>Response:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="126"/>
        <source>Add demonstration</source>
        <translation>Demonstration hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptDetailView.cpp" line="127"/>
        <source>The response a good assistant would give:</source>
        <translation>Die Antwort, die ein guter Assistent gäbe:</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PromptTableModel</name>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="111"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="112"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="113"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="114"/>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="115"/>
        <source>Demos</source>
        <translation>Demos</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="116"/>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/PromptTableModel.cpp" line="117"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::StatisticsDialog</name>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="85"/>
        <source>Token lengths appear here once the project has a trained model (its tokenizer).</source>
        <translation>Token-Längen erscheinen hier, sobald das Projekt ein trainiertes Modell (mit Tokenizer) hat.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="88"/>
        <source>Token lengths with the tokenizer of %1</source>
        <translation>Token-Längen mit dem Tokenizer von %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="89"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="117"/>
        <source>Prompt length</source>
        <translation>Prompt-Länge</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="89"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="90"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="90"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="118"/>
        <source>Response length</source>
        <translation>Antwortlänge</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="125"/>
        <source>Dataset statistics</source>
        <translation>Datensatz-Statistik</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="114"/>
        <source>%1 prompts · %2 responses (%3 demonstrations) · %4 comparisons</source>
        <translation>%1 Prompts · %2 Antworten (%3 Demonstrationen) · %4 Vergleiche</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="127"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="129"/>
        <source>Token lengths: counting with the newest checkpoint&apos;s tokenizer…</source>
        <translation>Token-Längen: zähle mit dem Tokenizer des neuesten Checkpoints …</translation>
    </message>
</context>
</TS>
