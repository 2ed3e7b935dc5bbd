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
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="65"/>
        <source>New prompt</source>
        <translation>Neuer Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="80"/>
        <source>Merge near-duplicates into prompt %1</source>
        <translation>Beinahe-Duplikate in Prompt %1 zusammenführen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetCommands.cpp" line="93"/>
        <source>Delete prompt %1</source>
        <translation>Prompt %1 löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="23"/>
        <source>Imported %n arena battle(s); duplicates: %1, lines skipped: %2. The Chat panel&apos;s Leaderboard tab ranks the models.</source>
        <translation>
            <numerusform>%n Arena-Duell importiert; Duplikate: %1, übersprungene Zeilen: %2. Der Reiter „Rangliste“ des Chat-Bereichs ordnet die Modelle.</numerusform>
            <numerusform>%n Arena-Duelle importiert; Duplikate: %1, übersprungene Zeilen: %2. Der Reiter „Rangliste“ des Chat-Bereichs ordnet die Modelle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="29"/>
        <source>Imported %n judgement(s) (%1 replacing a labeller&apos;s earlier one); new items to rank: %2, new prompts: %3; duplicates: %4, lines skipped: %5.</source>
        <translation>
            <numerusform>%n Bewertung importiert (%1 ersetzen eine frühere desselben Labellers); neue zu ordnende Elemente: %2, neue Prompts: %3; Duplikate: %4, übersprungene Zeilen: %5.</numerusform>
            <numerusform>%n Bewertungen importiert (%1 ersetzen eine frühere desselben Labellers); neue zu ordnende Elemente: %2, neue Prompts: %3; Duplikate: %4, übersprungene Zeilen: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="35"/>
        <source>Imported %n record(s) as %1 (pairs: %2, demonstrations: %3, new prompts: %4); exact duplicates: %5, lines skipped: %6.</source>
        <translation>
            <numerusform>%n Datensatz als %1 importiert (Paare: %2, Demonstrationen: %3, neue Prompts: %4); exakte Duplikate: %5, übersprungene Zeilen: %6.</numerusform>
            <numerusform>%n Datensätze als %1 importiert (Paare: %2, Demonstrationen: %3, neue Prompts: %4); exakte Duplikate: %5, übersprungene Zeilen: %6.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="46"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="60"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="61"/>
        <source>%1

Nothing was imported.</source>
        <translation>%1

Es wurde nichts importiert.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="63"/>
        <source>Import, skipping bad lines</source>
        <translation>Importieren, fehlerhafte Zeilen überspringen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="79"/>
        <source>Importing %1…</source>
        <translation>Importiere %1 …</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="119"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>%n Datensatz nach %1 exportiert</numerusform>
            <numerusform>%n Datensätze nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineVersion</name>
    <message>
        <location filename="../widgets/common/EngineVersion.cpp" line="26"/>
        <source>LibTorch: %1 did not answer</source>
        <translation>LibTorch: %1 hat nicht geantwortet</translation>
    </message>
    <message>
        <location filename="../widgets/common/EngineVersion.cpp" line="28"/>
        <source>LibTorch %1 (CPU kernels: %2)</source>
        <translation>LibTorch %1 (CPU-Kernel: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/common/EngineVersion.cpp" line="34"/>
        <source>LibTorch: %1 could not be started</source>
        <translation>LibTorch: %1 konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>NameOnlyIconProvider</name>
    <message>
        <location filename="../widgets/common/NameOnlyIconProvider.cpp" line="20"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../widgets/common/NameOnlyIconProvider.cpp" line="23"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/common/NameOnlyIconProvider.cpp" line="24"/>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="42"/>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="47"/>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="49"/>
        <source>Nothing to count yet</source>
        <translation>Noch nichts zu zählen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="72"/>
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
    <message>
        <location filename="../widgets/common/PlotFullScreen.cpp" line="69"/>
        <source>This plot is shown full screen (Esc brings it back).</source>
        <translation>Dieses Diagramm wird im Vollbild gezeigt (Esc holt es zurück).</translation>
    </message>
    <message>
        <location filename="../widgets/common/PlotFullScreen.cpp" line="85"/>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <location filename="../widgets/common/PlotFullScreen.cpp" line="86"/>
        <source>Show this plot on the whole screen; Esc or F11 brings it back</source>
        <translation>Dieses Diagramm auf dem ganzen Bildschirm zeigen; Esc oder F11 holt es zurück</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="25"/>
        <source>train %1 · validation %2 · test %3</source>
        <translation>Training %1 · Validierung %2 · Test %3</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="30"/>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="31"/>
        <source>validation score</source>
        <translation>Validierungswert</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="32"/>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
</context>
<context>
    <name>RunMemoryLine</name>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="18"/>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="19"/>
        <source>gradients</source>
        <translation>Gradienten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="20"/>
        <source>optimizer state</source>
        <translation>Optimiererzustand</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="21"/>
        <source>bf16 copies</source>
        <translation>bf16-Kopien</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="22"/>
        <source>frozen models</source>
        <translation>eingefrorene Modelle</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="42"/>
        <source>Memory: about %1 before activations (%2)</source>
        <translation>Speicher: etwa %1 ohne Aktivierungen (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="43"/>
        <source>; the engine does not check a GPU&apos;s memory.</source>
        <translation>; den Speicher einer GPU prüft die Engine nicht.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="46"/>
        <source>, and %1 are free: this run will not fit, and the engine will refuse it.</source>
        <translation>, und %1 sind frei: dieser Lauf passt nicht, die Engine wird ihn ablehnen.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunMemoryLine.cpp" line="49"/>
        <source>; %1 free.</source>
        <translation>; %1 frei.</translation>
    </message>
</context>
<context>
    <name>RunPrerequisites</name>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="16"/>
        <source>demonstrations</source>
        <translation>Demonstrationen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="17"/>
        <source>preferences (comparisons and rankings)</source>
        <translation>Präferenzen (Vergleiche und Rangfolgen)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="18"/>
        <source>prompts with their responses as text</source>
        <translation>Prompts mit ihren Antworten als Text</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="19"/>
        <source>prompts to roll out</source>
        <translation>Prompts für Rollouts</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="27"/>
        <source>No demonstrations in the train split: write some in the Dataset panel (New prompt), import prompt/completion records, or assign splits.</source>
        <translation>Keine Demonstrationen im Trainings-Split: Schreiben Sie welche im Datensatz-Bereich (Neuer Prompt), importieren Sie Prompt/Completion-Datensätze oder weisen Sie Splits zu.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="30"/>
        <source>No preferences in the train split: import chosen/rejected records in the Dataset panel, or rank responses in the Ranking panel.</source>
        <translation>Keine Präferenzen im Trainings-Split: Importieren Sie Chosen/Rejected-Datensätze im Datensatz-Bereich oder ordnen Sie Antworten im Ranking-Bereich.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="33"/>
        <source>No prompts in the train split: import or write prompts in the Dataset panel, and assign splits.</source>
        <translation>Keine Prompts im Trainings-Split: Importieren oder schreiben Sie Prompts im Datensatz-Bereich und weisen Sie Splits zu.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="36"/>
        <source>No model to start from: choose a checkpoint of this project&apos;s runs, or a Hugging Face model directory (GPT-2, Llama, Qwen2 or Mamba; or train one with a Pretraining run).</source>
        <translation>Kein Startmodell: Wählen Sie einen Checkpoint der Läufe dieses Projekts oder ein Hugging-Face-Modellverzeichnis (GPT-2, Llama, Qwen2 oder Mamba; oder trainieren Sie eines mit einem Vortrainings-Lauf).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="39"/>
        <source>PPO needs a reward model: train one first (a Reward model run on the project&apos;s preferences), or choose a reward model directory.</source>
        <translation>PPO braucht ein Belohnungsmodell: Trainieren Sie zuerst eines (ein Belohnungsmodell-Lauf auf den Präferenzen des Projekts) oder wählen Sie ein Belohnungsmodell-Verzeichnis.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="47"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="47"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="48"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunPrerequisites.cpp" line="58"/>
        <source>Nothing in the validation split: the run logs no validation metrics.</source>
        <translation>Nichts im Validierungs-Split: Der Lauf protokolliert keine Validierungsmetriken.</translation>
    </message>
</context>
<context>
    <name>RunSettingHelp</name>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="13"/>
        <source>Peak learning rate, reached after the warm-up. Defaults: SFT 2e-5 (TRL&apos;s SFTConfig), reward model 1e-5 (InstructGPT&apos;s range), DPO 1e-6 (TRL&apos;s DPOConfig), PPO 3e-6 (TRL&apos;s PPOConfig), pretraining 1e-3 (nanoGPT-sized models).</source>
        <translation>Höchste Lernrate, erreicht nach dem Warm-up. Vorgaben: SFT 2e-5 (SFTConfig von TRL), Belohnungsmodell 1e-5 (Bereich von InstructGPT), DPO 1e-6 (DPOConfig von TRL), PPO 3e-6 (PPOConfig von TRL), Vortraining 1e-3 (Modelle in nanoGPT-Größe).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="14"/>
        <source>Where the cosine or linear decay ends (0: decays to zero, as transformers&apos; schedulers).</source>
        <translation>Wo der Kosinus- oder lineare Abfall endet (0: fällt auf null, wie die Scheduler von transformers).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="15"/>
        <source>Steps of linear warm-up from 0 to the peak learning rate.</source>
        <translation>Schritte des linearen Warm-ups von 0 bis zur höchsten Lernrate.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="16"/>
        <source>Learning-rate schedule after the warm-up: cosine, linear or constant (transformers&apos; get_*_schedule_with_warmup).</source>
        <translation>Lernratenverlauf nach dem Warm-up: cosine, linear oder constant (get_*_schedule_with_warmup von transformers).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="17"/>
        <source>Passes over the train split when max_steps is 0. SFT 3 (TRL), reward model and DPO 1 (InstructGPT: one epoch, the reward model overfits after).</source>
        <translation>Durchgänge über den Trainings-Split, wenn max_steps 0 ist. SFT 3 (TRL), Belohnungsmodell und DPO 1 (InstructGPT: eine Epoche, danach überangepasst das Belohnungsmodell).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="18"/>
        <source>Optimiser steps (PPO: rollout batches). 0 derives it from epochs.</source>
        <translation>Optimierungsschritte (PPO: Rollout-Batches). 0 leitet sie aus epochs ab.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="19"/>
        <source>Examples per micro-batch: demonstrations (SFT), preference groups (reward model), pairs (DPO), windows (pretraining).</source>
        <translation>Beispiele pro Mikro-Batch: Demonstrationen (SFT), Präferenzgruppen (Belohnungsmodell), Paare (DPO), Fenster (Vortraining).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="20"/>
        <source>Micro-batches summed per optimiser step: the effective batch is batch_size × grad_accum.</source>
        <translation>Pro Optimierungsschritt summierte Mikro-Batches: Der effektive Batch ist batch_size × grad_accum.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="21"/>
        <source>Tokens per example, prompt + response; longer ones are truncated. 0: the model&apos;s context.</source>
        <translation>Tokens pro Beispiel, Prompt + Antwort; längere werden gekürzt. 0: der Kontext des Modells.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="22"/>
        <source>AdamW&apos;s decoupled weight decay.</source>
        <translation>Entkoppelter Weight Decay von AdamW.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="23"/>
        <source>Clip the gradients&apos; global norm to this value (1.0 as transformers&apos; Trainer); 0 disables.</source>
        <translation>Begrenzt die globale Norm der Gradienten auf diesen Wert (1.0 wie der Trainer von transformers); 0 schaltet es ab.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="24"/>
        <source>Evaluate on the validation split every N steps (and at the end); 0 never.</source>
        <translation>Alle N Schritte (und am Ende) auf dem Validierungs-Split auswerten; 0 nie.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="25"/>
        <source>Micro-batches of the validation split per evaluation.</source>
        <translation>Mikro-Batches des Validierungs-Splits pro Auswertung.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="26"/>
        <source>Write a checkpoint every N steps; 0 only at the end or when stopped. A run resumes from its latest checkpoint.</source>
        <translation>Alle N Schritte einen Checkpoint schreiben; 0 nur am Ende oder beim Anhalten. Ein Lauf wird ab seinem neuesten Checkpoint fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="27"/>
        <source>DPO&apos;s β: strength of the implicit KL penalty to the reference model (0.1, TRL and the DPO paper).</source>
        <translation>β von DPO: Stärke der impliziten KL-Strafe zum Referenzmodell (0.1, TRL und das DPO-Paper).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="28"/>
        <source>sigmoid (DPO, Rafailov et al. 2023) or ipo (Azar et al. 2023).</source>
        <translation>sigmoid (DPO, Rafailov et al. 2023) oder ipo (Azar et al. 2023).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="29"/>
        <source>cDPO: the assumed probability that a preference label is flipped (sigmoid loss only).</source>
        <translation>cDPO: die angenommene Wahrscheinlichkeit, dass ein Präferenzlabel vertauscht ist (nur sigmoid).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="30"/>
        <source>Reward model and DPO: learn only from these labellers&apos; judgements, comma-separated (empty: everyone&apos;s). Imported comparisons are always kept.</source>
        <translation>Belohnungsmodell und DPO: nur aus den Bewertungen dieser Labeller lernen, durch Kommas getrennt (leer: von allen). Importierte Vergleiche bleiben immer erhalten.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="31"/>
        <source>Reward model and DPO: only judgements made under this guideline version, e.g. v2 (empty: any).</source>
        <translation>Belohnungsmodell und DPO: nur Bewertungen, die unter dieser Richtlinienversion entstanden, z. B. v2 (leer: jede).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="32"/>
        <source>Reward model and DPO: only judgements of labellers who passed the screening test (the Agreement view shows the scores).</source>
        <translation>Belohnungsmodell und DPO: nur Bewertungen von Labellern, die den Eignungstest bestanden haben (die Übereinstimmungsansicht zeigt die Werte).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="33"/>
        <source>Reward model and DPO: only judgements of labellers whose agreement with the others is at least this (0 to 1; 0: no bound).</source>
        <translation>Belohnungsmodell und DPO: nur Bewertungen von Labellern, deren Übereinstimmung mit den anderen mindestens so hoch ist (0 bis 1; 0: keine Grenze).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="34"/>
        <source>New tokens per rollout at most (53, TRL&apos;s PPO example).</source>
        <translation>Höchstens so viele neue Tokens pro Rollout (53, PPO-Beispiel von TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="35"/>
        <source>PPO: prompts longer than this many tokens (in the policy&apos;s chat template) are skipped (1024, OpenRLHF&apos;s prompt_max_len); it also bounds the memory estimate.</source>
        <translation>PPO: Prompts mit mehr Tokens (in der Chat-Vorlage der Policy) werden übersprungen (1024, prompt_max_len von OpenRLHF); der Wert begrenzt auch die Speicherschätzung.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="36"/>
        <source>Sampling temperature of the rollouts (0.7, TRL&apos;s PPOConfig).</source>
        <translation>Sampling-Temperatur der Rollouts (0.7, PPOConfig von TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="37"/>
        <source>Prompts rolled out per PPO step.</source>
        <translation>Prompts pro PPO-Schritt.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="38"/>
        <source>Rollouts per optimiser update inside a PPO step.</source>
        <translation>Rollouts pro Optimierungs-Update innerhalb eines PPO-Schritts.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="39"/>
        <source>Passes over each step&apos;s rollouts (4, TRL).</source>
        <translation>Durchgänge über die Rollouts jedes Schritts (4, TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="40"/>
        <source>β of the per-token KL penalty to the reference policy (0.05, TRL); the start of the adaptive one.</source>
        <translation>β der KL-Strafe pro Token zur Referenz-Policy (0.05, TRL); Startwert des adaptiven β.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="41"/>
        <source>0 keeps β fixed; else Ziegler et al.&apos;s adaptive β steers the summed KL towards this target.</source>
        <translation>0 hält β fest; sonst steuert das adaptive β von Ziegler et al. die summierte KL auf dieses Ziel.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="42"/>
        <source>Horizon of the adaptive KL controller (10000, Ziegler et al.).</source>
        <translation>Horizont des adaptiven KL-Reglers (10000, Ziegler et al.).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="43"/>
        <source>ε of the clipped policy ratio (0.2, Schulman et al. 2017; TRL&apos;s cliprange).</source>
        <translation>ε des begrenzten Policy-Verhältnisses (0.2, Schulman et al. 2017; cliprange von TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="44"/>
        <source>ε of the clipped value loss (0.2, TRL&apos;s cliprange_value).</source>
        <translation>ε des begrenzten Value-Loss (0.2, cliprange_value von TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="45"/>
        <source>Weight of the value loss (0.1, TRL).</source>
        <translation>Gewicht des Value-Loss (0.1, TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="46"/>
        <source>Discount of future rewards (1.0: the episode is one response).</source>
        <translation>Diskontierung künftiger Belohnungen (1.0: die Episode ist eine Antwort).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="47"/>
        <source>λ of generalised advantage estimation (0.95, TRL).</source>
        <translation>λ der Generalized Advantage Estimation (0.95, TRL).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="48"/>
        <source>Subtracted from the score of a rollout that does not end with EOS (0: off).</source>
        <translation>Wird vom Score eines Rollouts abgezogen, der nicht mit EOS endet (0: aus).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="49"/>
        <source>PPO skips a mini-batch whose mean policy ratio exceeds this, and counts it in policy/skipped_batches (10, TRL&apos;s guard against loss spikes).</source>
        <translation>PPO überspringt einen Mini-Batch, dessen mittleres Policy-Verhältnis diesen Wert übersteigt, und zählt ihn in policy/skipped_batches (10, der Schutz von TRL gegen Loss-Spitzen).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="50"/>
        <source>γ of InstructGPT&apos;s PPO-ptx: each update also maximises γ × the log-likelihood of the project&apos;s pretraining text (0: off; InstructGPT used 27.8 with its own loss scale).</source>
        <translation>γ von PPO-ptx aus InstructGPT: Jedes Update maximiert zusätzlich γ × die Log-Likelihood des Vortrainingstexts des Projekts (0: aus; InstructGPT nutzte 27.8 mit eigener Loss-Skala).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="51"/>
        <source>Windows of pretraining text per PPO update when ptx_coef is on.</source>
        <translation>Fenster aus Vortrainingstext pro PPO-Update, wenn ptx_coef eingeschaltet ist.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="52"/>
        <source>Validation prompts PPO rolls out at each evaluation (the first ones, with one sampling seed, so evaluations compare the policy).</source>
        <translation>Validierungs-Prompts, die PPO bei jeder Auswertung ausrollt (die ersten, mit einem festen Sampling-Seed, damit Auswertungen die Policy vergleichen).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="53"/>
        <source>Size of the byte-level BPE vocabulary trained on the project&apos;s text.</source>
        <translation>Größe des Byte-Level-BPE-Vokabulars, trainiert auf dem Text des Projekts.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="54"/>
        <source>gpt2 (attention) or mamba (a selective state-space model: generation time per token does not grow with the context). Compare the two in the Compare tab.</source>
        <translation>gpt2 (Attention) oder mamba (ein selektives Zustandsraummodell: die Generierungszeit je Token wächst nicht mit dem Kontext). Vergleichen Sie beide im Reiter Vergleich.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="55"/>
        <source>Blocks of the new model (transformer blocks, or Mamba&apos;s mixer blocks).</source>
        <translation>Blöcke des neuen Modells (Transformer-Blöcke oder Mambas Mixer-Blöcke).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="56"/>
        <source>Attention heads per block (n_embd must divide by it); GPT-2 only.</source>
        <translation>Attention-Köpfe je Block (n_embd muss durch sie teilbar sein); nur GPT-2.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="57"/>
        <source>Width of the new model&apos;s hidden states.</source>
        <translation>Breite der verborgenen Zustände des neuen Modells.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="58"/>
        <source>Mamba: the state each channel keeps from token to token (transformers&apos; default 16).</source>
        <translation>Mamba: der Zustand, den jeder Kanal von Token zu Token behält (Vorgabe von transformers: 16).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="59"/>
        <source>Mamba: channels of the mixer per n_embd (default 2).</source>
        <translation>Mamba: Kanäle des Mixers je n_embd (Vorgabe 2).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="60"/>
        <source>Mamba: width of the causal convolution before the scan (default 4).</source>
        <translation>Mamba: Breite der kausalen Faltung vor dem Scan (Vorgabe 4).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="61"/>
        <source>Tokens per training window: the new model&apos;s context length.</source>
        <translation>Tokens pro Trainingsfenster: die Kontextlänge des neuen Modells.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunSettingHelp.cpp" line="62"/>
        <source>Tail of the token stream held out for validation.</source>
        <translation>Ende des Token-Stroms, das für die Validierung zurückgehalten wird.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="27"/>
        <source>RLHF Workbench</source>
        <translation>RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="30"/>
        <source>Project file (*.rlhf) to open or create</source>
        <translation>Projektdatei (*.rlhf) zum Öffnen oder Anlegen</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="32"/>
        <source>Open on this panel: %1</source>
        <translation>Mit diesem Bereich öffnen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="38"/>
        <source>rlhf-workbench: unknown panel &quot;%1&quot; (one of: %2)</source>
        <translation>rlhf-workbench: unbekannter Bereich „%1“ (einer von: %2)</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::AgreementDialog</name>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="50"/>
        <source>Labeller agreement</source>
        <translation>Übereinstimmung der Labeller</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="52"/>
        <source>all labellers (or: ana, bo)</source>
        <translation>alle Labeller (oder: ana, bo)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="55"/>
        <source>any guideline version</source>
        <translation>jede Richtlinienversion</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="58"/>
        <source>Judgements of:</source>
        <translation>Bewertungen von:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="60"/>
        <source>made under:</source>
        <translation>entstanden unter:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="62"/>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="93"/>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="65"/>
        <source>Cohen&apos;s κ of each labeller pair</source>
        <translation>Cohens κ jedes Labeller-Paares</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="66"/>
        <source>Win rate by shown position (position bias)</source>
        <translation>Gewinnrate nach gezeigter Position (Positionsverzerrung)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="70"/>
        <source>Labeller</source>
        <translation>Labeller</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="70"/>
        <source>Agreement with the others</source>
        <translation>Übereinstimmung mit den anderen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="70"/>
        <source>Screening (gold items)</source>
        <translation>Eignungstest (Gold-Elemente)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="71"/>
        <source>Screening: agreement with the judgements of the gold labeller on the items they judged (rlhf screening sets the gold labeller and the pass threshold)</source>
        <translation>Eignungstest: Übereinstimmung mit den Bewertungen des Gold-Labellers auf den von ihm bewerteten Elementen (rlhf screening legt den Gold-Labeller und die Bestehensschwelle fest)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="108"/>
        <source>Could not compute the agreement: %1</source>
        <translation>Die Übereinstimmung konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="113"/>
        <source>&lt;b&gt;%1 units&lt;/b&gt; (an item and a pair of its responses, judged by at least two labellers) · percent agreement &lt;b&gt;%2&lt;/b&gt; · Fleiss&apos; κ %3 · Krippendorff&apos;s α nominal %4, ordinal %5&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;InstructGPT&apos;s labellers agreed with each other about 73% of the time.&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1 Einheiten&lt;/b&gt; (ein Element und ein Paar seiner Antworten, von mindestens zwei Labellern bewertet) · prozentuale Übereinstimmung &lt;b&gt;%2&lt;/b&gt; · Fleiss&apos; κ %3 · Krippendorffs α nominal %4, ordinal %5&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;Die Labeller von InstructGPT stimmten in etwa 73 % der Fälle überein.&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="127"/>
        <source>%1 on %n gold items, %2</source>
        <translation>
            <numerusform>%1 auf %n Gold-Element, %2</numerusform>
            <numerusform>%1 auf %n Gold-Elementen, %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="129"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="129"/>
        <source>not passed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="130"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="133"/>
        <source>No preference pairs yet: nothing to say about length.</source>
        <translation>Noch keine Präferenzpaare: zur Länge gibt es nichts zu sagen.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="134"/>
        <source>&lt;b&gt;Length&lt;/b&gt; over %1 preference pairs: chosen %2 characters on average, rejected %3; the longer response was chosen in %4% of the pairs whose lengths differ.</source>
        <translation>&lt;b&gt;Länge&lt;/b&gt; über %1 Präferenzpaare: bevorzugt im Mittel %2 Zeichen, abgelehnt %3; die längere Antwort wurde in %4 % der Paare mit verschiedener Länge bevorzugt.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="189"/>
        <source>shown position</source>
        <translation>gezeigte Position</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/AgreementDialog.cpp" line="190"/>
        <source>win rate</source>
        <translation>Gewinnrate</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ArenaView</name>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="42"/>
        <source>New battle</source>
        <translation>Neues Duell</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="43"/>
        <source>Two contestants drawn at random, on random sides</source>
        <translation>Zwei zufällig gezogene Teilnehmer auf zufälligen Seiten</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="47"/>
        <source>A is better</source>
        <translation>A ist besser</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="47"/>
        <source>B is better</source>
        <translation>B ist besser</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="48"/>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="48"/>
        <source>Both are bad</source>
        <translation>Beide sind schlecht</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="80"/>
        <source>&lt;b&gt;Blind battles.&lt;/b&gt; New battle draws two of ELIZA and this project&apos;s models; they answer as Model A and Model B. Chat with both, vote, and only then see who they were. The Leaderboard ranks them.</source>
        <translation>&lt;b&gt;Blinde Duelle.&lt;/b&gt; Neues Duell zieht zwei aus ELIZA und den Modellen dieses Projekts; sie antworten als Modell A und Modell B. Chatten Sie mit beiden, stimmen Sie ab, und erst dann sehen Sie, wer sie waren. Die Rangliste ordnet sie.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="103"/>
        <source>The arena needs two contestants: train a model first (or open the demo project), and it meets ELIZA.</source>
        <translation>Die Arena braucht zwei Teilnehmer: Trainieren Sie zuerst ein Modell (oder öffnen Sie das Demoprojekt), dann tritt es gegen ELIZA an.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="127"/>
        <source>Model A</source>
        <translation>Modell A</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="127"/>
        <source>Model B</source>
        <translation>Modell B</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="132"/>
        <source>Chat with both, then vote. Who is who is shown after the vote.</source>
        <translation>Chatten Sie mit beiden, dann stimmen Sie ab. Wer wer ist, zeigt sich nach der Abstimmung.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="158"/>
        <source>The vote could not be stored: %1</source>
        <translation>Die Stimme konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="164"/>
        <source>Vote stored. &lt;b&gt;Model A&lt;/b&gt; was &lt;b&gt;%1&lt;/b&gt;, &lt;b&gt;Model B&lt;/b&gt; was &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Stimme gespeichert. &lt;b&gt;Modell A&lt;/b&gt; war &lt;b&gt;%1&lt;/b&gt;, &lt;b&gt;Modell B&lt;/b&gt; war &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ArenaView.cpp" line="168"/>
        <source>Arena vote stored: %1 vs %2</source>
        <translation>Arena-Stimme gespeichert: %1 gegen %2</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::CandidateColumn</name>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="24"/>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:gray&apos;&gt;key %2&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:gray&apos;&gt;Taste %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="45"/>
        <source>Quality (1–7):</source>
        <translation>Qualität (1–7):</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="47"/>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="55"/>
        <source>Click to pick as the next best (or press %1); drag onto the ranking below to place it</source>
        <translation>Klicken, um sie als nächstbeste zu wählen (oder %1 drücken); auf die Rangfolge unten ziehen, um sie einzuordnen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="79"/>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="79"/>
        <source>Show all (%n characters)</source>
        <translation>
            <numerusform>Alles zeigen (%n Zeichen)</numerusform>
            <numerusform>Alles zeigen (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="102"/>
        <source>all bad</source>
        <translation>alle schlecht</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="104"/>
        <source>&lt;b&gt;#%1&lt;/b&gt; (tie)</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt; (gleichauf)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateColumn.cpp" line="104"/>
        <source>&lt;b&gt;#%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::CandidateGeneration</name>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="15"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="46"/>
        <source>%1 new items to rank from %2 prompts (%3 without two different answers).</source>
        <translation>%1 neue zu ordnende Elemente aus %2 Prompts (%3 ohne zwei verschiedene Antworten).</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="50"/>
        <source>Evaluation round %1: %2 items from %3 held-out prompts. Rank them; Rounds… shows the win rates.</source>
        <translation>Auswertungsrunde %1: %2 Elemente aus %3 zurückgehaltenen Prompts. Ordnen Sie sie; Runden … zeigt die Gewinnraten.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="65"/>
        <source>Candidate generation stopped; the items made so far are kept.</source>
        <translation>Die Kandidatenerzeugung wurde angehalten; die bisher erzeugten Elemente bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="66"/>
        <source>Candidate generation failed: %1</source>
        <translation>Die Kandidatenerzeugung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidateGeneration.cpp" line="66"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::CandidatesDialog</name>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="18"/>
        <source>Generate candidates</source>
        <translation>Kandidaten erzeugen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="22"/>
        <source>run %1 · %2 · %3, step %4</source>
        <translation>Lauf %1 · %2 · %3, Schritt %4</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="28"/>
        <source>Add a model directory…</source>
        <translation>Ein Modellverzeichnis hinzufügen …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="30"/>
        <source>A Hugging Face model directory (GPT-2, Llama, Qwen2 or Mamba)</source>
        <translation>Ein Hugging-Face-Modellverzeichnis (GPT-2, Llama, Qwen2 oder Mamba)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="45"/>
        <source>Automatic (train; test for a round)</source>
        <translation>Automatisch (Training; Test für eine Runde)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="46"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="47"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="48"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="56"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="60"/>
        <source>Samples per prompt (one model):</source>
        <translation>Stichproben pro Prompt (ein Modell):</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="61"/>
        <source>Prompts:</source>
        <translation>Prompts:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="62"/>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="63"/>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="65"/>
        <source>Models (checkpoints of this project&apos;s runs):</source>
        <translation>Modelle (Checkpoints der Läufe dieses Projekts):</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="85"/>
        <source>This project has no checkpoints yet: train a model (Runs panel), or add a model directory.</source>
        <translation>Dieses Projekt hat noch keine Checkpoints: Trainieren Sie ein Modell (Läufe-Bereich) oder fügen Sie ein Modellverzeichnis hinzu.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="86"/>
        <source>Choose one model for K samples per prompt, or several for an evaluation round.</source>
        <translation>Wählen Sie ein Modell für K Stichproben pro Prompt oder mehrere für eine Auswertungsrunde.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="87"/>
        <source>K different samples per prompt become one item each: rank them to teach the reward model.</source>
        <translation>K verschiedene Stichproben pro Prompt werden je ein Element: Ordnen Sie sie, um das Belohnungsmodell zu lehren.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/CandidatesDialog.cpp" line="88"/>
        <source>An evaluation round: one response per model to each held-out prompt, ranked blind; Rounds… shows each model&apos;s win rate against the first.</source>
        <translation>Eine Auswertungsrunde: eine Antwort pro Modell auf jeden zurückgehaltenen Prompt, blind geordnet; Runden … zeigt die Gewinnrate jedes Modells gegen das erste.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatColumnsArea</name>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="33"/>
        <source>Type a message for every conversation and press Enter</source>
        <translation>Nachricht für alle Unterhaltungen eingeben und Enter drücken</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="34"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="36"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="37"/>
        <source>End the replies being written</source>
        <translation>Die Antworten beenden, die gerade geschrieben werden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="39"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="40"/>
        <source>Start every conversation afresh</source>
        <translation>Alle Unterhaltungen neu beginnen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatColumnsArea.cpp" line="71"/>
        <source>Close this conversation</source>
        <translation>Diese Unterhaltung schließen</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatEngine</name>
    <message>
        <location filename="../widgets/chat/ChatEngine.cpp" line="16"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatEngine.cpp" line="103"/>
        <source>the engine crashed</source>
        <translation>die Engine ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatEngine.cpp" line="103"/>
        <source>the engine ended (exit code %1)</source>
        <translation>die Engine wurde beendet (Exit-Code %1)</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatModelChoices</name>
    <message>
        <location filename="../widgets/chat/ChatModelChoices.cpp" line="21"/>
        <source>%1 · run %2 (%3)</source>
        <translation>%1 · Lauf %2 (%3)</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatPanel</name>
    <message>
        <location filename="../widgets/chat/ChatPanel.cpp" line="18"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatPanel.cpp" line="19"/>
        <source>Arena</source>
        <translation>Arena</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatPanel.cpp" line="20"/>
        <source>Leaderboard</source>
        <translation>Rangliste</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ChatView</name>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="27"/>
        <source>Add ELIZA</source>
        <translation>ELIZA hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="29"/>
        <source>The project&apos;s pretrained, SFT, PPO and DPO checkpoints</source>
        <translation>Die vortrainierten, SFT-, PPO- und DPO-Checkpoints des Projekts</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="31"/>
        <source>Add model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="32"/>
        <source>Model directory…</source>
        <translation>Modellverzeichnis…</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="33"/>
        <source>A GPT-2 model saved by this workbench or by Hugging Face transformers, a Llama, Qwen2, SmolLM, TinyLlama or Mamba directory with its tokenizer (tokenizer.json or tokenizer.model)</source>
        <translation>Ein GPT-2-Modell, gespeichert von dieser Werkbank oder von Hugging Face transformers, ein Llama-, Qwen2-, SmolLM-, TinyLlama- oder Mamba-Verzeichnis mit seinem Tokenizer (tokenizer.json oder tokenizer.model)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="36"/>
        <location filename="../widgets/chat/ChatView.cpp" line="127"/>
        <source>Compare stages</source>
        <translation>Stufen vergleichen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="37"/>
        <source>Pretrained, SFT and RLHF models of one lineage side by side (ELIZA stays)</source>
        <translation>Vortrainiertes, SFT- und RLHF-Modell einer Abstammungslinie nebeneinander (ELIZA bleibt)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="38"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="39"/>
        <source>Export every transcript of the project: JSON lines or Markdown</source>
        <translation>Alle Protokolle des Projekts exportieren: JSON Lines oder Markdown</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="83"/>
        <source>no trained models yet</source>
        <translation>noch keine trainierten Modelle</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="102"/>
        <source>Model directory (config.json, model.safetensors, tokenizer files)</source>
        <translation>Modellverzeichnis (config.json, model.safetensors, Tokenizer-Dateien)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="123"/>
        <source>Compare stages: wait for the replies being written, or stop them, first.</source>
        <translation>Stufen vergleichen: erst die Antworten abwarten, die gerade geschrieben werden, oder sie stoppen.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="128"/>
        <source>Compare stages closes the model columns and starts every conversation afresh, ELIZA&apos;s too, so that all of them hear the same messages. The exchanges so far are saved in the project&apos;s transcripts.</source>
        <translation>„Stufen vergleichen“ schließt die Modellspalten und beginnt jedes Gespräch neu, auch das von ELIZA, damit alle dieselben Nachrichten hören. Der bisherige Austausch ist in den Protokollen des Projekts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/ChatView.cpp" line="136"/>
        <source>%n model(s) of one lineage side by side</source>
        <translation>
            <numerusform>%n Modell einer Abstammungslinie nebeneinander</numerusform>
            <numerusform>%n Modelle einer Abstammungslinie nebeneinander</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="181"/>
        <source>The transcript could not be saved: %1</source>
        <translation>Das Protokoll konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="188"/>
        <location filename="../widgets/chat/ChatView.cpp" line="197"/>
        <source>Export transcripts</source>
        <translation>Protokolle exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ChatView.cpp" line="189"/>
        <source>JSON lines (*.jsonl);;Markdown (*.md)</source>
        <translation>JSON Lines (*.jsonl);;Markdown (*.md)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/ChatView.cpp" line="195"/>
        <source>%n transcript(s) written to %1</source>
        <translation>
            <numerusform>%n Protokoll nach %1 geschrieben</numerusform>
            <numerusform>%n Protokolle nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::DatasetPanel</name>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="76"/>
        <source>New prompt…</source>
        <translation>Neuer Prompt…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="77"/>
        <source>Type a prompt of your own, then write its demonstration on the right (Ctrl+Shift+N)</source>
        <translation>Eigenen Prompt eingeben, dann rechts seine Demonstration schreiben (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="79"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="90"/>
        <source>The prompt list could not be read: %1</source>
        <translation>Die Prompt-Liste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="96"/>
        <source>Prompt %1 saved</source>
        <translation>Prompt %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="104"/>
        <source>Demonstration added to prompt %1</source>
        <translation>Demonstration zu Prompt %1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="117"/>
        <source>Search prompts and responses (all words)…</source>
        <translation>Prompts und Antworten durchsuchen (alle Wörter) …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="121"/>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="122"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="123"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="124"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="125"/>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="128"/>
        <source>Where prompts came from: an import file, or typed in</source>
        <translation>Herkunft der Prompts: eine Importdatei oder eingetippt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="130"/>
        <source>Any demos</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="130"/>
        <source>With demo</source>
        <translation>Mit Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="130"/>
        <source>Without demo</source>
        <translation>Ohne Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="131"/>
        <source>Prompts with or without a human demonstration</source>
        <translation>Prompts mit oder ohne menschliche Demonstration</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="133"/>
        <source>Labelled or not</source>
        <translation>Bewertet oder nicht</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="133"/>
        <source>Labelled</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="133"/>
        <source>Unlabelled</source>
        <translation>Unbewertet</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="134"/>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="135"/>
        <source>Statistics…</source>
        <translation>Statistik …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="136"/>
        <source>Duplicates…</source>
        <translation>Duplikate …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="137"/>
        <source>Clusters of near-duplicate prompts (MinHash)</source>
        <translation>Gruppen nahezu gleicher Prompts (MinHash)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="138"/>
        <source>Import a JSON-lines file (Ctrl+I); File → Export… writes one (Ctrl+E)</source>
        <translation>Eine JSON-Lines-Datei importieren (Strg+I); Datei → Exportieren… schreibt eine (Strg+E)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="184"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="186"/>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="238"/>
        <source>%n prompt(s) match</source>
        <translation>
            <numerusform>%n Prompt passt</numerusform>
            <numerusform>%n Prompts passen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="241"/>
        <source>Counting prompts…</source>
        <translation>Prompts werden gezählt…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="241"/>
        <source>Indexing imported rows for search…</source>
        <translation>Importierte Zeilen werden für die Suche indiziert…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="251"/>
        <source>No prompt matches the search and filters.</source>
        <translation>Kein Prompt passt zu Suche und Filtern.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="252"/>
        <source>No prompts yet.
Import a JSON-lines file with Import… (Ctrl+I), or write one with New prompt… (Ctrl+Shift+N).</source>
        <translation>Noch keine Prompts.
Importieren Sie eine JSON-Lines-Datei mit Importieren… (Strg+I) oder schreiben Sie einen mit Neuer Prompt… (Strg+Umschalt+N).</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="262"/>
        <source>New prompt</source>
        <translation>Neuer Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="263"/>
        <source>Prompt (Ctrl+Enter adds it):</source>
        <translation>Prompt (Strg+Eingabe fügt ihn hinzu):</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="276"/>
        <source>Prompt %1 added — write its demonstration on the right</source>
        <translation>Prompt %1 hinzugefügt — schreiben Sie rechts seine Demonstration</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="281"/>
        <source>Delete %n near-duplicate prompt(s)</source>
        <translation>
            <numerusform>%n beinahe doppelten Prompt löschen</numerusform>
            <numerusform>%n beinahe doppelte Prompts löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="284"/>
        <source>%n prompt(s) deleted — Ctrl+Z brings them back</source>
        <translation>
            <numerusform>%n Prompt gelöscht — Strg+Z holt ihn zurück</numerusform>
            <numerusform>%n Prompts gelöscht — Strg+Z holt sie zurück</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="290"/>
        <source>Merged into prompt %1 — Ctrl+Z separates them again</source>
        <translation>In Prompt %1 zusammengeführt — Strg+Z trennt sie wieder</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanel.cpp" line="297"/>
        <source>Prompt %1 deleted — Ctrl+Z brings it back</source>
        <translation>Prompt %1 gelöscht — Strg+Z holt ihn zurück</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="96"/>
        <source>Import JSON lines</source>
        <translation>JSON Lines importieren</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="97"/>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="123"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="112"/>
        <source>Export JSON lines</source>
        <translation>JSON Lines exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="112"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/DatasetPanelTransfers.cpp" line="121"/>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1 …</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ElizaChatColumn</name>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="36"/>
        <source>The script ELIZA follows</source>
        <translation>Das Skript, dem ELIZA folgt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="37"/>
        <source>Load script…</source>
        <translation>Skript laden …</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="41"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="41"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="48"/>
        <source>Script:</source>
        <translation>Skript:</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="54"/>
        <source>&lt;b&gt;Why this reply&lt;/b&gt; — the rules ELIZA applied</source>
        <translation>&lt;b&gt;Warum diese Antwort&lt;/b&gt; — die Regeln, die ELIZA anwandte</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="85"/>
        <source>ELIZA</source>
        <translation>ELIZA</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="92"/>
        <source>%1 answers here.</source>
        <translation>%1 antwortet hier.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="100"/>
        <source>&lt;b&gt;ELIZA&lt;/b&gt; — rules of 1966 (%1)</source>
        <translation>&lt;b&gt;ELIZA&lt;/b&gt; — Regeln von 1966 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="113"/>
        <source>ELIZA is using %1</source>
        <translation>ELIZA verwendet %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="123"/>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="125"/>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="128"/>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="135"/>
        <source>Load ELIZA script</source>
        <translation>ELIZA-Skript laden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="124"/>
        <source>ELIZA scripts (*.txt *.eliza);;All files (*)</source>
        <translation>ELIZA-Skripte (*.txt *.eliza);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="128"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="140"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="162"/>
        <source>&lt;b&gt;Why this reply&lt;/b&gt; — the rules ELIZA applied (click an earlier reply for its own)</source>
        <translation>&lt;b&gt;Warum diese Antwort&lt;/b&gt; — die Regeln, die ELIZA anwandte (eine frühere Antwort anklicken für ihre eigenen)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="163"/>
        <source>&lt;b&gt;Why reply %1&lt;/b&gt; — the rules ELIZA applied</source>
        <translation>&lt;b&gt;Warum Antwort %1&lt;/b&gt; — die Regeln, die ELIZA anwandte</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="172"/>
        <source>Input (normalised)</source>
        <translation>Eingabe (normalisiert)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="173"/>
        <source>Working text</source>
        <translation>Arbeitstext</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="176"/>
        <source>Keywords found</source>
        <translation>Gefundene Schlüsselwörter</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="176"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="177"/>
        <source>Keystack (top first)</source>
        <translation>Schlüsselstapel (oben zuerst)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="178"/>
        <source>LIMIT</source>
        <translation>LIMIT</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="180"/>
        <source>Rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="181"/>
        <source>Decomposition</source>
        <translation>Zerlegung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="183"/>
        <source>Component %1</source>
        <translation>Bestandteil %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="184"/>
        <source>Reassembly</source>
        <translation>Zusammensetzung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="185"/>
        <source>Link to</source>
        <translation>Verweis auf</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="187"/>
        <source>Memory stored</source>
        <translation>Gespeicherte Erinnerung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="188"/>
        <source>Memory recalled</source>
        <translation>Abgerufene Erinnerung</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="188"/>
        <source>yes (no keyword, LIMIT 4)</source>
        <translation>ja (kein Schlüsselwort, LIMIT 4)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/ElizaChatColumn.cpp" line="189"/>
        <source>Reply from</source>
        <translation>Antwort aus</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ExportOptionsDialog</name>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="10"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="13"/>
        <source>hh — comparisons as Anthropic HH-RLHF dialogues</source>
        <translation>hh — Vergleiche als Anthropic-HH-RLHF-Dialoge</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="14"/>
        <source>trl — comparisons as prompt / chosen / rejected</source>
        <translation>trl — Vergleiche als prompt / chosen / rejected</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="15"/>
        <source>trl-messages — comparisons as message lists</source>
        <translation>trl-messages — Vergleiche als Nachrichtenlisten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="16"/>
        <source>openai-dpo — comparisons for OpenAI preference tuning</source>
        <translation>openai-dpo — Vergleiche für das Präferenz-Tuning von OpenAI</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="17"/>
        <source>sft — demonstrations as prompt / completion</source>
        <translation>sft — Demonstrationen als prompt / completion</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="18"/>
        <source>sft-messages — demonstrations as message lists</source>
        <translation>sft-messages — Demonstrationen als Nachrichtenlisten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="19"/>
        <source>openai-chat — demonstrations as chat messages</source>
        <translation>openai-chat — Demonstrationen als Chat-Nachrichten</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="20"/>
        <source>rankings — K-way judgements and items to rank</source>
        <translation>rankings — K-fache Bewertungen und zu ordnende Elemente</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="21"/>
        <source>arena — Chatbot Arena battles</source>
        <translation>arena — Duelle aus Chatbot Arena</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="25"/>
        <source>All splits</source>
        <translation>Alle Splits</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="26"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="27"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="28"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="33"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/ExportOptionsDialog.cpp" line="34"/>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::GenerationTimingRunner</name>
    <message>
        <location filename="../widgets/runs/GenerationTimingRunner.cpp" line="13"/>
        <source>rlhf-engine did not start (%1): %2</source>
        <translation>rlhf-engine ist nicht gestartet (%1): %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/GenerationTimingRunner.cpp" line="58"/>
        <source>rlhf-engine ended with code %1</source>
        <translation>rlhf-engine endete mit Code %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::GptChatColumn</name>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="33"/>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="36"/>
        <source>This column&apos;s sampling settings</source>
        <translation>Die Sampling-Einstellungen dieser Spalte</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="51"/>
        <source>No reply: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="56"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="90"/>
        <source>%1 answers here.</source>
        <translation>%1 antwortet hier.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="91"/>
        <source>The model answers here, token by token. Hover a token: how likely the model found it, and what else it considered.</source>
        <translation>Das Modell antwortet hier, Token für Token. Zeigen Sie auf ein Token: wie wahrscheinlich es das Modell fand und was es sonst erwog.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="105"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="107"/>
        <source>No reply: the model is not loaded.</source>
        <translation>Keine Antwort: Das Modell ist nicht geladen.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="126"/>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="130"/>
        <source>Prompted in its own chat format (%1, from its chat template); the format setting applies to GPT-2 models only</source>
        <translation>Im eigenen Chatformat angesprochen (%1, aus seiner Chatvorlage); die Formateinstellung gilt nur für GPT-2-Modelle</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="136"/>
        <source>Its weights are held in bf16, which this machine computes natively: half the memory of float32, and faster</source>
        <translation>Seine Gewichte liegen in bf16 vor, das dieser Rechner nativ berechnet: halb so viel Speicher wie float32, und schneller</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="147"/>
        <source>(cut: the reply reached its length limit)</source>
        <translation>(abgeschnitten: Die Antwort erreichte ihre Längengrenze)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="159"/>
        <source>This model could not answer.</source>
        <translation>Dieses Modell konnte nicht antworten.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="146"/>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="177"/>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="126"/>
        <source>context %1 · GPU</source>
        <translation>Kontext %1 · GPU</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="127"/>
        <source>%1 on %2: a context of %3 tokens; each reply gets at most half of it</source>
        <translation>%1 auf %2: ein Kontext von %3 Tokens; jede Antwort bekommt höchstens die Hälfte davon</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/GptChatColumn.cpp" line="149"/>
        <source>The model no longer sees the oldest %n turn(s): they do not fit its context.</source>
        <translation>
            <numerusform>Das Modell sieht den ältesten %n Beitrag nicht mehr: Er passt nicht in seinen Kontext.</numerusform>
            <numerusform>Das Modell sieht die ältesten %n Beiträge nicht mehr: Sie passen nicht in seinen Kontext.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="155"/>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/GptChatColumn.cpp" line="158"/>
        <source>The model could not be loaded or its engine ended: %1</source>
        <translation>Das Modell konnte nicht geladen werden oder seine Engine wurde beendet: %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::ImportRunDialog</name>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="34"/>
        <source>Import run</source>
        <translation>Lauf importieren</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="36"/>
        <source>e.g. output/checkpoint-500</source>
        <translation>z. B. output/checkpoint-500</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="37"/>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="45"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="39"/>
        <source>Found beside it (trainer_state.json or tensorboard/)</source>
        <translation>Daneben gefunden (trainer_state.json oder tensorboard/)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="40"/>
        <source>A trainer_state.json file…</source>
        <translation>Eine trainer_state.json-Datei…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="41"/>
        <source>A TensorBoard folder…</source>
        <translation>Ein TensorBoard-Ordner…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="42"/>
        <source>None: the checkpoint alone</source>
        <translation>Keine: nur der Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="44"/>
        <source>The file or folder of the curves</source>
        <translation>Die Datei oder der Ordner der Kurven</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="47"/>
        <source>From its metrics and weights</source>
        <translation>Aus seinen Metriken und Gewichten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="50"/>
        <source>imported DIRECTORY-NAME</source>
        <translation>imported VERZEICHNISNAME</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="56"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="57"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="59"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="60"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="62"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="64"/>
        <source>A run trained elsewhere (TRL, OpenRLHF) joins the project&apos;s runs with its curves; its model files are copied into the project.</source>
        <translation>Ein anderswo trainierter Lauf (TRL, OpenRLHF) kommt mit seinen Kurven zu den Läufen des Projekts; seine Modelldateien werden ins Projekt kopiert.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="95"/>
        <source>rlhf-engine did not start (%1): %2</source>
        <translation>rlhf-engine ist nicht gestartet (%1): %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="131"/>
        <source>The run&apos;s checkpoint directory (config.json, model.safetensors)</source>
        <translation>Das Checkpoint-Verzeichnis des Laufs (config.json, model.safetensors)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="139"/>
        <source>The Trainer&apos;s trainer_state.json</source>
        <translation>Die trainer_state.json des Trainers</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="140"/>
        <source>trainer_state.json (*.json)</source>
        <translation>trainer_state.json (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="141"/>
        <source>The folder of the TensorBoard event files</source>
        <translation>Der Ordner der TensorBoard-Ereignisdateien</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="155"/>
        <source>Choose the run&apos;s checkpoint directory.</source>
        <translation>Wählen Sie das Checkpoint-Verzeichnis des Laufs.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="156"/>
        <source>Choose the file or folder of its curves.</source>
        <translation>Wählen Sie die Datei oder den Ordner seiner Kurven.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="157"/>
        <source>Without curves, choose its stage.</source>
        <translation>Ohne Kurven wählen Sie seine Stufe.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="177"/>
        <source>Importing: loading the checkpoint and copying its files into the project…</source>
        <translation>Import: Checkpoint wird geladen und seine Dateien werden ins Projekt kopiert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="186"/>
        <source>Imported run #%1 (%2, %n logged step(s))</source>
        <translation>
            <numerusform>Lauf #%1 importiert (%2, %n protokollierter Schritt)</numerusform>
            <numerusform>Lauf #%1 importiert (%2, %n protokollierte Schritte)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="191"/>
        <source>%1. Note: %2</source>
        <translation>%1. Hinweis: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="199"/>
        <source>(choose its trainer_state.json or TensorBoard folder under Curves, or None to import the checkpoint alone)</source>
        <translation>(wählen Sie unter „Kurven“ seine trainer_state.json oder seinen TensorBoard-Ordner, oder „Keine“, um nur den Checkpoint zu importieren)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="200"/>
        <source>rlhf-engine crashed: %1</source>
        <translation>rlhf-engine ist abgestürzt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="201"/>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/ImportRunDialog.cpp" line="201"/>
        <source>the engine ended with code %1</source>
        <translation>die Engine endete mit Code %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::LeaderboardView</name>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="38"/>
        <source>The 95 % bootstrap interval has no width at this precision (%1): too few battles, or battles all won one way, to tell how sure the rating is.</source>
        <translation>Das 95-%-Bootstrap-Intervall hat bei dieser Genauigkeit keine Breite (%1): zu wenige Duelle, oder alle in eine Richtung gewonnen, um zu sagen, wie sicher die Wertung ist.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="49"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="50"/>
        <source>Votes → comparisons</source>
        <translation>Stimmen → Vergleiche</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="51"/>
        <source>Each decided battle becomes a reward-model comparison: its last message as the prompt, the winner&apos;s reply chosen, the loser&apos;s rejected (ties are left out; twice is once)</source>
        <translation>Jedes entschiedene Duell wird ein Vergleich für das Belohnungsmodell: seine letzte Nachricht als Prompt, die Antwort des Siegers bevorzugt, die des Verlierers abgelehnt (Unentschieden zählen nicht; zweimal ist einmal)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>Bradley–Terry</source>
        <translation>Bradley–Terry</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>Online Elo</source>
        <translation>Online-Elo</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>Battles</source>
        <translation>Duelle</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="54"/>
        <source>Wins</source>
        <translation>Siege</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="55"/>
        <source>Losses</source>
        <translation>Niederlagen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="55"/>
        <source>Ties</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="63"/>
        <source>against</source>
        <translation>gegen</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="64"/>
        <source>win rate of</source>
        <translation>Siegquote von</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="83"/>
        <source>Open a project: its arena battles (votes here, or imported with --format arena) rank the models.</source>
        <translation>Öffnen Sie ein Projekt: Seine Arena-Duelle (hier abgestimmt oder mit --format arena importiert) ordnen die Modelle.</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="119"/>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="128"/>
        <source>Could not compute the leaderboard: %1</source>
        <translation>Die Rangliste konnte nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/LeaderboardView.cpp" line="161"/>
        <source>%n new comparison(s) from the arena&apos;s votes (%1 already there); %2 ties and %3 battles without a common last message are not comparisons. The reward model trains on them with the other comparisons.</source>
        <translation>
            <numerusform>%n neuer Vergleich aus den Arena-Stimmen (%1 schon vorhanden); %2 Unentschieden und %3 Duelle ohne gemeinsame letzte Nachricht sind keine Vergleiche. Das Belohnungsmodell trainiert mit ihnen und den anderen Vergleichen.</numerusform>
            <numerusform>%n neue Vergleiche aus den Arena-Stimmen (%1 schon vorhanden); %2 Unentschieden und %3 Duelle ohne gemeinsame letzte Nachricht sind keine Vergleiche. Das Belohnungsmodell trainiert mit ihnen und den anderen Vergleichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="174"/>
        <source>The votes could not be added as comparisons: %1</source>
        <translation>Die Stimmen konnten nicht als Vergleiche hinzugefügt werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="182"/>
        <source>No arena battles yet. Vote in the Arena tab, or import Chatbot Arena records (File → Import, format arena).</source>
        <translation>Noch keine Arena-Duelle. Stimmen Sie im Reiter Arena ab oder importieren Sie Chatbot-Arena-Datensätze (Datei → Importieren, Format arena).</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/chat/LeaderboardView.cpp" line="184"/>
        <source>&lt;b&gt;%n battle(s)&lt;/b&gt;, %1 models · Bradley–Terry ratings (mean 1000) with 95 % bootstrap intervals (%2 resamples, seed %3) and online Elo (K 4), as &lt;tt&gt;rlhf arena&lt;/tt&gt; computes them</source>
        <translation>
            <numerusform>&lt;b&gt;%n Duell&lt;/b&gt;, %1 Modelle · Bradley–Terry-Wertungen (Mittel 1000) mit 95-%-Bootstrap-Intervallen (%2 Stichproben, Seed %3) und Online-Elo (K 4), wie &lt;tt&gt;rlhf arena&lt;/tt&gt; sie berechnet</numerusform>
            <numerusform>&lt;b&gt;%n Duelle&lt;/b&gt;, %1 Modelle · Bradley–Terry-Wertungen (Mittel 1000) mit 95-%-Bootstrap-Intervallen (%2 Stichproben, Seed %3) und Online-Elo (K 4), wie &lt;tt&gt;rlhf arena&lt;/tt&gt; sie berechnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/chat/LeaderboardView.cpp" line="189"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#a05000&apos;&gt;A model was never beaten, or groups of models never met both ways: the ratings are kept finite by a negligible ridge and are only a rough order.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#a05000&apos;&gt;Ein Modell wurde nie geschlagen, oder Gruppen von Modellen trafen nie in beide Richtungen aufeinander: Ein vernachlässigbarer Ridge hält die Wertungen endlich; sie sind nur eine grobe Reihenfolge.&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="38"/>
        <source>RLHF Workbench</source>
        <translation>RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="51"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="54"/>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="62"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="66"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="69"/>
        <source>Chat — ELIZA vs GPT</source>
        <translation>Chat — ELIZA gegen GPT</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="76"/>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="115"/>
        <source>There is no %1 panel yet; showing %2.</source>
        <translation>Einen Bereich %1 gibt es noch nicht; %2 wird gezeigt.</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="123"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="124"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="125"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="126"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="128"/>
        <source>Save a &amp;Copy…</source>
        <translation>&amp;Kopie speichern …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="129"/>
        <source>Open the &amp;Demo Project</source>
        <translation>&amp;Demoprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="131"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="131"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="132"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="132"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="133"/>
        <source>&amp;Merge Labelling Package…</source>
        <translation>Labelling-Paket &amp;zusammenführen …</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="135"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="136"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="137"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="139"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="143"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="145"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="146"/>
        <source>&amp;About RLHF Workbench</source>
        <translation>Ü&amp;ber RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="147"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="154"/>
        <location filename="../widgets/main/MainWindow.cpp" line="160"/>
        <location filename="../widgets/main/MainWindow.cpp" line="259"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="169"/>
        <source>%1 — RLHF Workbench</source>
        <translation>%1 — RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="175"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="187"/>
        <location filename="../widgets/main/MainWindow.cpp" line="191"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="187"/>
        <location filename="../widgets/main/MainWindow.cpp" line="265"/>
        <source>RLHF projects (*.rlhf)</source>
        <translation>RLHF-Projekte (*.rlhf)</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="191"/>
        <source>%1 already exists; use Open Project.</source>
        <translation>%1 existiert bereits; bitte „Projekt öffnen“ verwenden.</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="204"/>
        <source>Making the demo project from generated data…</source>
        <translation>Das Demoprojekt wird aus erzeugten Daten angelegt…</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="206"/>
        <location filename="../widgets/main/MainWindow.cpp" line="224"/>
        <source>Demo project</source>
        <translation>Demoprojekt</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="238"/>
        <source>A labelling package: rank its items, then send the file back to be merged.</source>
        <translation>Ein Labelling-Paket: Ordnen Sie seine Elemente, dann schicken Sie die Datei zum Zusammenführen zurück.</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="244"/>
        <location filename="../widgets/main/MainWindow.cpp" line="252"/>
        <location filename="../widgets/main/MainWindow.cpp" line="255"/>
        <source>Merge a labelling package</source>
        <translation>Ein Labelling-Paket zusammenführen</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="244"/>
        <source>Labelling packages (*.rlhfpkg)</source>
        <translation>Labelling-Pakete (*.rlhfpkg)</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="248"/>
        <source>Merged %1: %2 new judgements, %3 duplicates, %4 conflicts (the later judgement counts).</source>
        <translation>%1 zusammengeführt: %2 neue Bewertungen, %3 Duplikate, %4 Konflikte (die spätere Bewertung zählt).</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="259"/>
        <source>RLHF projects and labelling packages (*.rlhf *.rlhfpkg)</source>
        <translation>RLHF-Projekte und Labelling-Pakete (*.rlhf *.rlhfpkg)</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="265"/>
        <location filename="../widgets/main/MainWindow.cpp" line="271"/>
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="269"/>
        <source>Copy saved to %1</source>
        <translation>Kopie nach %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="277"/>
        <source>&lt;h3&gt;RLHF Workbench %1&lt;/h3&gt;&lt;p&gt;The InstructGPT recipe on one machine, with ELIZA (1966) alongside.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;ELIZA scripts: DOCTOR from J. Weizenbaum, CACM 9(1), 1966, and the 1965 .TAPE. 100 listing, transcribed by Anthony Hay (CC0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RLHF Workbench %1&lt;/h3&gt;&lt;p&gt;Das InstructGPT-Rezept auf einem Rechner, mit ELIZA (1966) daneben.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;ELIZA-Skripte: DOCTOR aus J. Weizenbaum, CACM 9(1), 1966, und das Listing .TAPE. 100 von 1965, transkribiert von Anthony Hay (CC0).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="282"/>
        <source>About RLHF Workbench</source>
        <translation>Über RLHF Workbench</translation>
    </message>
    <message>
        <location filename="../widgets/main/MainWindow.cpp" line="282"/>
        <source>LibTorch: asking rlhf-engine…</source>
        <translation>LibTorch: frage rlhf-engine…</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::NearDuplicatesDialog</name>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="23"/>
        <source>Near-duplicate prompts</source>
        <translation>Nahezu gleiche Prompts</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="73"/>
        <source>Comparing prompts (MinHash, similarity ≥ %1)…</source>
        <translation>Vergleiche Prompts (MinHash, Ähnlichkeit ≥ %1) …</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="33"/>
        <source>Cluster / prompt</source>
        <translation>Gruppe / Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="30"/>
        <source>Estimated Jaccard similarity of the prompts&apos; word 3-grams</source>
        <translation>Geschätzte Jaccard-Ähnlichkeit der Wort-3-Gramme der Prompts</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="31"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="33"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="35"/>
        <source>Keep this one, delete the others</source>
        <translation>Diesen behalten, die anderen löschen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="36"/>
        <source>Deletes the other prompts of the selected prompt&apos;s cluster (Edit → Undo brings them back)</source>
        <translation>Löscht die anderen Prompts der Gruppe des gewählten Prompts (Bearbeiten → Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="38"/>
        <source>Merge the others into this one</source>
        <translation>Die anderen in diesen zusammenführen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="39"/>
        <source>Moves the other prompts&apos; responses, comparisons and tags to the selected prompt, then deletes them (Edit → Undo separates them again)</source>
        <translation>Verschiebt Antworten, Vergleiche und Schlagwörter der anderen Prompts zum gewählten Prompt und löscht sie dann (Bearbeiten → Rückgängig trennt sie wieder)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="47"/>
        <source>Similarity ≥</source>
        <translation>Ähnlichkeit ≥</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="98"/>
        <source>Cluster %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="98"/>
        <source>%n prompt(s), similarity ≥ %1</source>
        <translation>
            <numerusform>%n Prompt, Ähnlichkeit ≥ %1</numerusform>
            <numerusform>%n Prompts, Ähnlichkeit ≥ %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="100"/>
        <source>Prompt %1</source>
        <translation>Prompt %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="105"/>
        <source>No near-duplicate prompts.</source>
        <translation>Keine nahezu gleichen Prompts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/NearDuplicatesDialog.cpp" line="106"/>
        <source>%n cluster(s) of near-duplicate prompts — double-click a prompt to show it</source>
        <translation>
            <numerusform>%n Gruppe nahezu gleicher Prompts — Doppelklick zeigt einen Prompt</numerusform>
            <numerusform>%n Gruppen nahezu gleicher Prompts — Doppelklick zeigt einen Prompt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::NewRunDialog</name>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="45"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="47"/>
        <source>Pretraining (a small GPT or Mamba from scratch)</source>
        <translation>Vortraining (ein kleines GPT oder Mamba von Grund auf)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="48"/>
        <source>SFT (supervised fine-tuning)</source>
        <translation>SFT (überwachtes Feintuning)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="49"/>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="49"/>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="49"/>
        <source>PPO</source>
        <translation>PPO</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="55"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="56"/>
        <source>When %1 has finished, from its final checkpoint</source>
        <translation>Wenn %1 beendet ist, ab seinem letzten Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="59"/>
        <source>cuda needs rlhf-engine built with a CUDA LibTorch and a GPU; the run fails at once otherwise</source>
        <translation>cuda braucht eine mit CUDA-LibTorch gebaute rlhf-engine und eine GPU; sonst scheitert der Lauf sofort</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="62"/>
        <source>auto: bf16 autocast on CUDA and on CPUs with BF16 instructions, else fp32</source>
        <translation>auto: bf16-Autocast auf CUDA und auf CPUs mit BF16-Befehlen, sonst fp32</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="66"/>
        <source>Seeds the order of the data, sampling and new weights: the same seed repeats a run bit for bit</source>
        <translation>Bestimmt die Reihenfolge der Daten, das Sampling und neue Gewichte: derselbe Seed wiederholt einen Lauf bitgenau</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="68"/>
        <source>Stage:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="69"/>
        <source>Start from:</source>
        <translation>Starten ab:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="70"/>
        <source>Reward model:</source>
        <translation>Belohnungsmodell:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="71"/>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="72"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="73"/>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="74"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="75"/>
        <source>Counting the project&apos;s data…</source>
        <translation>Zähle die Daten des Projekts…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="98"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="106"/>
        <source>Settings (hover a name for what it does and where its default comes from):</source>
        <translation>Einstellungen (mit der Maus über einen Namen: was sie bewirkt und woher ihre Vorgabe stammt):</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="142"/>
        <source>Default: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="177"/>
        <source>%1 · step %2 (%3)</source>
        <translation>%1 · Schritt %2 (%3)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="183"/>
        <source>Choose a Hugging Face directory…</source>
        <translation>Hugging-Face-Verzeichnis wählen…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="192"/>
        <source>A Hugging Face model directory (config.json, model.safetensors)</source>
        <translation>Ein Hugging-Face-Modellverzeichnis (config.json, model.safetensors)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="198"/>
        <source>%1 has no config.json: not a Hugging Face model directory.</source>
        <translation>%1 hat keine config.json: kein Hugging-Face-Modellverzeichnis.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="204"/>
        <source>%1 has no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt): a run could not read its data with it.</source>
        <translation>%1 hat keine Tokenizer-Dateien (tokenizer.json, tokenizer.model oder vocab.json und merges.txt): ein Lauf könnte seine Daten damit nicht lesen.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/NewRunDialog.cpp" line="262"/>
        <source>Open the panel</source>
        <translation>Bereich öffnen</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PipelineChain</name>
    <message>
        <location filename="../widgets/pipeline/PipelineChain.cpp" line="21"/>
        <source>Run the rest stopped: the %1 run did not start (%2).</source>
        <translation>„Den Rest ausführen“ angehalten: Der %1-Lauf ist nicht gestartet (%2).</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelineChain.cpp" line="23"/>
        <source>Run the rest stopped: the %1 run #%2 did not finish (%3).</source>
        <translation>„Den Rest ausführen“ angehalten: Der %1-Lauf #%2 wurde nicht fertig (%3).</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelineChain.cpp" line="57"/>
        <source>Run the rest: every step has finished.</source>
        <translation>Den Rest ausführen: Jeder Schritt ist fertig.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelineChain.cpp" line="71"/>
        <source>Run the rest stopped: the %1 run #%2 ended without finishing.</source>
        <translation>„Den Rest ausführen“ angehalten: Der %1-Lauf #%2 endete, ohne fertig zu werden.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PipelinePanel</name>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="43"/>
        <source>&lt;b&gt;The recipe&lt;/b&gt; — InstructGPT (Ouyang et al. 2022), figure 2, with DPO (Rafailov et al. 2023) as the shortcut</source>
        <translation>&lt;b&gt;Das Rezept&lt;/b&gt; — InstructGPT (Ouyang et al. 2022), Abbildung 2, mit DPO (Rafailov et al. 2023) als Abkürzung</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="45"/>
        <source>Run the rest</source>
        <translation>Den Rest ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="46"/>
        <source>Train the steps that have no finished run yet, one after another, each from the checkpoints before it</source>
        <translation>Die Schritte ohne fertigen Lauf nacheinander trainieren, jeden von den Checkpoints davor</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="63"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="63"/>
        <source>Mean score</source>
        <translation>Mittlere Bewertung</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="63"/>
        <source>Win rate vs baseline [95 % CI]</source>
        <translation>Gewinnrate gegen die Basis [95-%-KI]</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="63"/>
        <source>KL to baseline</source>
        <translation>KL zur Basis</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="63"/>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="105"/>
        <source>Pretraining</source>
        <translation>Vortraining</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="105"/>
        <source>A small GPT learns language by predicting the next token of plain text.</source>
        <translation>Ein kleines GPT lernt Sprache, indem es das nächste Token von Fließtext vorhersagt.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="105"/>
        <source>Pretrain…</source>
        <translation>Vortrainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="106"/>
        <source>Step 1 · Demonstrations → SFT</source>
        <translation>Schritt 1 · Demonstrationen → SFT</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="106"/>
        <source>People write good answers; the model learns to imitate them.</source>
        <translation>Menschen schreiben gute Antworten; das Modell lernt, sie nachzuahmen.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="106"/>
        <source>Train SFT…</source>
        <translation>SFT trainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="107"/>
        <source>Step 2 · Comparisons → reward model</source>
        <translation>Schritt 2 · Vergleiche → Belohnungsmodell</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="107"/>
        <source>People compare answers; a reward model learns to score what they prefer.</source>
        <translation>Menschen vergleichen Antworten; ein Belohnungsmodell lernt zu bewerten, was sie vorziehen.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="107"/>
        <source>Train reward model…</source>
        <translation>Belohnungsmodell trainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="108"/>
        <source>Step 3 · PPO</source>
        <translation>Schritt 3 · PPO</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="108"/>
        <source>The policy answers, the reward model scores, PPO updates the policy on a KL leash to SFT.</source>
        <translation>Die Policy antwortet, das Belohnungsmodell bewertet, PPO aktualisiert die Policy an der KL-Leine zum SFT-Modell.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="108"/>
        <source>Train PPO…</source>
        <translation>PPO trainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="109"/>
        <source>Shortcut · DPO</source>
        <translation>Abkürzung · DPO</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="109"/>
        <source>Learns from the comparisons directly: no reward model, no sampling.</source>
        <translation>Lernt direkt aus den Vergleichen: kein Belohnungsmodell, kein Sampling.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="109"/>
        <source>Train DPO…</source>
        <translation>DPO trainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="165"/>
        <source>The demo&apos;s generated corpus</source>
        <translation>Der erzeugte Korpus des Demoprojekts</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="165"/>
        <source>The text of %1 train-split prompts</source>
        <translation>Der Text von %1 Prompts des Trainings-Splits</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="167"/>
        <source>Demonstrations: %1</source>
        <translation>Demonstrationen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="169"/>
        <source>Prompts to roll out: %1</source>
        <translation>Prompts für Rollouts: %1</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="171"/>
        <source>Comparisons: %1; rankings: %2</source>
        <translation>Vergleiche: %1; Rangfolgen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="175"/>
        <source>Run #%1: %2, step %3</source>
        <translation>Lauf #%1: %2, Schritt %3</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="176"/>
        <source> · %1 %2</source>
        <translation> · %1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="182"/>
        <source>The train split has no data for this step (import some in the Dataset panel)</source>
        <translation>Der Trainings-Split hat keine Daten für diesen Schritt (im Datensatz-Bereich importieren)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="189"/>
        <source>&lt;b&gt;Evaluation&lt;/b&gt; — none yet. &lt;code&gt;rlhf eval PROJECT --models A,B,…&lt;/code&gt; or &lt;code&gt;rlhf demo run&lt;/code&gt; writes one; the newest is shown here.</source>
        <translation>&lt;b&gt;Auswertung&lt;/b&gt; — noch keine. &lt;code&gt;rlhf eval PROJECT --models A,B,…&lt;/code&gt; oder &lt;code&gt;rlhf demo run&lt;/code&gt; schreibt eine; die neueste steht hier.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="195"/>
        <source>&lt;b&gt;Newest evaluation&lt;/b&gt; — judge %1, baseline %2, %3 prompts of the %4 split (%5)</source>
        <translation>&lt;b&gt;Neueste Auswertung&lt;/b&gt; — Richter %1, Basis %2, %3 Prompts des Splits %4 (%5)</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="206"/>
        <source>baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="257"/>
        <source>Every step has a finished run. Start one again from its card.</source>
        <translation>Jeder Schritt hat einen fertigen Lauf. Einen neuen startet seine Karte.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="264"/>
        <source>SFT needs a model to start from: train it once from its card (choose a base model there); Run the rest continues from it.</source>
        <translation>SFT braucht ein Startmodell: einmal über seine Karte trainieren (dort ein Basismodell wählen); „Den Rest ausführen“ macht von dort weiter.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="277"/>
        <source>Running the rest: now %1.</source>
        <translation>Der Rest läuft: jetzt %1.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="278"/>
        <source>Reading the project…</source>
        <translation>Das Projekt wird gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="279"/>
        <source>Every step has a finished run.</source>
        <translation>Jeder Schritt hat einen fertigen Lauf.</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/PipelinePanel.cpp" line="280"/>
        <source>Still to do: %1.</source>
        <translation>Noch zu tun: %1.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PpoSamplesView</name>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="33"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="43"/>
        <source>KL to the reference (objective/kl)</source>
        <translation>KL zur Referenz (objective/kl)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="44"/>
        <source>mean score (objective/scores)</source>
        <translation>mittlerer Score (objective/scores)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="59"/>
        <source>No rollouts yet: two samples of each PPO step appear here.</source>
        <translation>Noch keine Rollouts: Hier erscheinen zwei Beispiele jedes PPO-Schritts.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/PpoSamplesView.cpp" line="60"/>
        <source>The latest %1 rollouts, newest first (two per step).</source>
        <translation>Die letzten %1 Rollouts, neueste zuerst (zwei pro Schritt).</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::PresentationZoom</name>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="40"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="41"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="42"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="43"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="43"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="44"/>
        <source>&amp;Presentation Zoom</source>
        <translation>&amp;Präsentationszoom</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="44"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../widgets/main/PresentationZoom.cpp" line="46"/>
        <source>Large fonts in every panel, for a projector</source>
        <translation>Große Schrift in jedem Bereich, für einen Beamer</translation>
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
        <translation>#%1 · %2%3
%4</translation>
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
    <name>rlhf::widgets::RankingItemView</name>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="42"/>
        <source>&amp;Flags…</source>
        <translation>&amp;Markierungen …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="48"/>
        <source>Highlight differences</source>
        <translation>Unterschiede hervorheben</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="50"/>
        <source>Mark the words where each candidate differs from candidate A</source>
        <translation>Die Wörter markieren, in denen sich jeder Kandidat von Kandidat A unterscheidet</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="59"/>
        <source>Rationale (optional): why this order?</source>
        <translation>Begründung (optional): warum diese Reihenfolge?</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="61"/>
        <source>All bad (B)</source>
        <translation>Alle schlecht (B)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="64"/>
        <source>Submit (Enter)</source>
        <translation>Abschicken (Enter)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="71"/>
        <source>Keys: 1–9 pick the next best · T tie with the previous · B all bad · F flags · Enter submit · Ctrl+Z undo</source>
        <translation>Tasten: 1–9 wählen die nächstbeste · T gleichauf mit der vorigen · B alle schlecht · F Markierungen · Enter abschicken · Strg+Z rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="171"/>
        <source>Pick at least two candidates before tying the last one with the one before.</source>
        <translation>Wählen Sie mindestens zwei Kandidaten, bevor Sie den letzten mit dem vorigen gleichsetzen.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingItemView.cpp" line="200"/>
        <source>Rank every candidate first (%1 of %2 ranked), or press B if all are bad.</source>
        <translation>Ordnen Sie zuerst jeden Kandidaten ein (%1 von %2 eingeordnet) oder drücken Sie B, wenn alle schlecht sind.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RankingPanel</name>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="58"/>
        <source>Labeller:</source>
        <translation>Labeller:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="62"/>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="76"/>
        <source>Guidelines</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="79"/>
        <source>Agreement…</source>
        <translation>Übereinstimmung …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="81"/>
        <source>Package…</source>
        <translation>Paket …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="82"/>
        <source>Write this labeller&apos;s unjudged items as an offline labelling package</source>
        <translation>Die noch nicht bewerteten Elemente dieses Labellers als Offline-Labelling-Paket schreiben</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="84"/>
        <source>Flag names…</source>
        <translation>Markierungsnamen …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="45"/>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="50"/>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="86"/>
        <source>Candidates…</source>
        <translation>Kandidaten …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="87"/>
        <source>Have models write candidates to rank, in the background: K samples of one model, or an evaluation round of several</source>
        <translation>Modelle im Hintergrund zu ordnende Kandidaten schreiben lassen: K Stichproben eines Modells oder eine Auswertungsrunde mehrerer</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="89"/>
        <source>Rounds…</source>
        <translation>Runden …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="90"/>
        <source>Evaluation rounds: each model&apos;s win rate against a baseline, from the blind rankings</source>
        <translation>Auswertungsrunden: die Gewinnrate jedes Modells gegen eine Referenz, aus den blinden Rangfolgen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="41"/>
        <source>Stop (%1/%2)</source>
        <translation>Anhalten (%1/%2)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="122"/>
        <source>Edit guidelines…</source>
        <translation>Richtlinien bearbeiten …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="53"/>
        <source>Open a project to rank its items.</source>
        <translation>Öffnen Sie ein Projekt, um seine Elemente zu ordnen.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="157"/>
        <source>Guidelines %1</source>
        <translation>Richtlinien %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="157"/>
        <source>No guidelines yet</source>
        <translation>Noch keine Richtlinien</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="159"/>
        <source>*No guidelines yet.* Write what a good answer is, how to break ties and when an item is all bad: **Edit guidelines…** below. Each judgement records the version in force.</source>
        <translation>*Noch keine Richtlinien.* Schreiben Sie, was eine gute Antwort ist, wie Gleichstände aufzulösen sind und wann ein Element ganz schlecht ist: **Richtlinien bearbeiten …** unten. Jede Bewertung hält die geltende Version fest.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="170"/>
        <source>Who is labelling? Type your name in &lt;b&gt;Labeller&lt;/b&gt; above: judgements, agreement and packages are kept per labeller.</source>
        <translation>Wer labelt? Geben Sie oben unter &lt;b&gt;Labeller&lt;/b&gt; Ihren Namen ein: Bewertungen, Übereinstimmung und Pakete werden je Labeller geführt.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="180"/>
        <source>Cannot start labelling: %1</source>
        <translation>Labeln kann nicht beginnen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="210"/>
        <source>This project has no items to rank yet.&lt;br&gt;&lt;br&gt;Import candidates with &lt;b&gt;File → Import…&lt;/b&gt; in the &lt;i&gt;rankings&lt;/i&gt; format: a prompt and its 2–9 candidate responses a line (docs/formats.md).</source>
        <translation>Dieses Projekt hat noch keine zu ordnenden Elemente.&lt;br&gt;&lt;br&gt;Importieren Sie Kandidaten mit &lt;b&gt;Datei → Importieren …&lt;/b&gt; im Format &lt;i&gt;rankings&lt;/i&gt;: ein Prompt und seine 2–9 Kandidatenantworten je Zeile (docs/formats.md).</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="213"/>
        <source>%1 has judged every item there is for them (%2 of %3 items).&lt;br&gt;&lt;br&gt;Import more, or see how the labellers agree: &lt;b&gt;Agreement…&lt;/b&gt;</source>
        <translation>%1 hat jedes Element bewertet, das es für ihn gibt (%2 von %3 Elementen).&lt;br&gt;&lt;br&gt;Importieren Sie mehr oder sehen Sie, wie die Labeller übereinstimmen: &lt;b&gt;Übereinstimmung …&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="225"/>
        <source>The judgement was not saved: %1</source>
        <translation>Die Bewertung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="228"/>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="228"/>
        <source>all bad</source>
        <translation>alle schlecht</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="239"/>
        <source>Could not take the judgement back: %1</source>
        <translation>Die Bewertung konnte nicht zurückgenommen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="243"/>
        <source>Nothing to take back in this sitting.</source>
        <translation>In dieser Sitzung gibt es nichts zurückzunehmen.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="252"/>
        <source>Took the last judgement back: rank this item again.</source>
        <translation>Die letzte Bewertung wurde zurückgenommen: Ordnen Sie dieses Element erneut.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingPanel.cpp" line="262"/>
        <source>%1 judged in all · this sitting: %n items</source>
        <translation>
            <numerusform>%1 insgesamt bewertet · diese Sitzung: %n Element</numerusform>
            <numerusform>%1 insgesamt bewertet · diese Sitzung: %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="263"/>
        <source>, %1 s per item, %2 per hour</source>
        <translation>, %1 s pro Element, %2 pro Stunde</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="270"/>
        <source>Labelling guidelines</source>
        <translation>Labelling-Richtlinien</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="272"/>
        <source>Markdown. Saving a changed text makes a new version; judgements keep the version they were made under.</source>
        <translation>Markdown. Ein geänderter Text wird als neue Version gespeichert; Bewertungen behalten die Version, unter der sie entstanden.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="290"/>
        <source>Guidelines %1 are in force.</source>
        <translation>Richtlinien %1 gelten.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="298"/>
        <source>Flag names</source>
        <translation>Markierungsnamen</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="298"/>
        <source>One flag a line (InstructGPT&apos;s metadata by default):</source>
        <translation>Eine Markierung je Zeile (standardmäßig die Metadaten von InstructGPT):</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="323"/>
        <source>Stop (starting…)</source>
        <translation>Anhalten (startet …)</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="324"/>
        <source>Generating candidates in the background; keep ranking.</source>
        <translation>Kandidaten werden im Hintergrund erzeugt; ordnen Sie weiter.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="336"/>
        <source>Choose the labeller the package is for first.</source>
        <translation>Wählen Sie zuerst den Labeller, für den das Paket ist.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="340"/>
        <source>Labelling package for %1</source>
        <translation>Labelling-Paket für %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="341"/>
        <source>Labelling packages (*.rlhfpkg)</source>
        <translation>Labelling-Pakete (*.rlhfpkg)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingPanel.cpp" line="345"/>
        <source>Wrote %1: %n items for %2. Open it in RLHF Workbench on any machine; merge it back with File → Merge Labelling Package.</source>
        <translation>
            <numerusform>%1 geschrieben: %n Element für %2. Öffnen Sie es in RLHF Workbench auf einem beliebigen Rechner; führen Sie es mit Datei → Labelling-Paket zusammenführen zurück.</numerusform>
            <numerusform>%1 geschrieben: %n Elemente für %2. Öffnen Sie es in RLHF Workbench auf einem beliebigen Rechner; führen Sie es mit Datei → Labelling-Paket zusammenführen zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingPanel.cpp" line="349"/>
        <source>No package written: %1</source>
        <translation>Kein Paket geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RankingStrip</name>
    <message>
        <location filename="../widgets/ranking/RankingStrip.cpp" line="52"/>
        <source>Ranking:</source>
        <translation>Rangfolge:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingStrip.cpp" line="55"/>
        <source>all bad / not rankable</source>
        <translation>alle schlecht / nicht ordenbar</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RankingStrip.cpp" line="73"/>
        <source>press 1–%1 for the best, or drop it here</source>
        <translation>1–%1 für den besten drücken oder hier ablegen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ranking/RankingStrip.cpp" line="74"/>
        <source>next (%n left)</source>
        <translation>
            <numerusform>nächster (%n übrig)</numerusform>
            <numerusform>nächster (%n übrig)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RewardEvaluationView</name>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="53"/>
        <source>Rewards</source>
        <translation>Belohnungen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="53"/>
        <source>reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="53"/>
        <source>pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="54"/>
        <source>Accuracy by margin</source>
        <translation>Genauigkeit nach Abstand</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="54"/>
        <source>|r(chosen) − r(rejected)|</source>
        <translation>|r(bevorzugt) − r(abgelehnt)|</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="54"/>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="136"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="55"/>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="55"/>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="55"/>
        <source>observed</source>
        <translation>beobachtet</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="69"/>
        <source>Margin</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="69"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="69"/>
        <source>Chosen</source>
        <translation>Bevorzugt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="69"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="76"/>
        <source>Show in Dataset</source>
        <translation>Im Datensatz zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="77"/>
        <source>Open the selected pair&apos;s prompt in the Dataset panel</source>
        <translation>Den Prompt des gewählten Paars im Datensatz-Bereich öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="90"/>
        <source>The validation pairs it gets most wrong:</source>
        <translation>Die Validierungspaare, bei denen es am stärksten danebenliegt:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="95"/>
        <source>Select a reward-model run that has evaluated (eval_every, with validation preferences).</source>
        <translation>Wählen Sie einen Belohnungsmodell-Lauf, der ausgewertet hat (eval_every, mit Validierungspräferenzen).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="105"/>
        <source>The last evaluation had no validation pairs.</source>
        <translation>Die letzte Auswertung hatte keine Validierungspaare.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="114"/>
        <source>Evaluation at step %1: %2 validation pairs, accuracy %3. %4</source>
        <translation>Auswertung bei Schritt %1: %2 Validierungspaare, Genauigkeit %3. %4</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="127"/>
        <source>chosen</source>
        <translation>bevorzugt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="128"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RewardEvaluationView.cpp" line="157"/>
        <source>Expected calibration error %1.</source>
        <translation>Erwarteter Kalibrierungsfehler %1.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RoundResultsDialog</name>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="26"/>
        <source>Evaluation rounds</source>
        <translation>Auswertungsrunden</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="29"/>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="34"/>
        <source>win rate against the baseline</source>
        <translation>Gewinnrate gegen die Referenz</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="37"/>
        <source>Round:</source>
        <translation>Runde:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="39"/>
        <source>Baseline:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="81"/>
        <source>No evaluation rounds yet. &lt;b&gt;Candidates…&lt;/b&gt; with two or more models makes one: each model answers the same held-out prompts, labellers rank the answers blind, and this shows who wins.</source>
        <translation>Noch keine Auswertungsrunden. &lt;b&gt;Kandidaten …&lt;/b&gt; mit zwei oder mehr Modellen erzeugt eine: Jedes Modell beantwortet dieselben zurückgehaltenen Prompts, Labeller ordnen die Antworten blind, und hier sehen Sie, wer gewinnt.</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="86"/>
        <source>Could not read the rounds: %1</source>
        <translation>Die Runden konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ranking/RoundResultsDialog.cpp" line="90"/>
        <source>Round &lt;b&gt;%1&lt;/b&gt;: %2 of %3 items judged. Each bar: how often labellers ranked the model&apos;s answer above &lt;b&gt;%4&lt;/b&gt;&apos;s (ties count half), with its 95 % Wilson interval; 0.5 is a draw.</source>
        <translation>Runde &lt;b&gt;%1&lt;/b&gt;: %2 von %3 Elementen bewertet. Jeder Balken: wie oft Labeller die Antwort des Modells über die von &lt;b&gt;%4&lt;/b&gt; stellten (Gleichstände zählen halb), mit 95-%-Wilson-Intervall; 0,5 ist unentschieden.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunCompareView</name>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="86"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="86"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="86"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="86"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="97"/>
        <source>Training tokens per second: the median of the run&apos;s steps</source>
        <translation>Trainings-Token pro Sekunde: der Median über die Schritte des Laufs</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="98"/>
        <source>Layers × width, and attention heads or the state per channel</source>
        <translation>Schichten × Breite, dazu Attention-Köpfe oder der Zustand je Kanal</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="99"/>
        <source>Milliseconds per generated token at the shortest and the longest context measured</source>
        <translation>Millisekunden je erzeugtem Token beim kürzesten und beim längsten gemessenen Kontext</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="41"/>
        <location filename="../widgets/runs/RunCompareView.cpp" line="265"/>
        <source>Measure generation time</source>
        <translation>Generierungszeit messen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="42"/>
        <source>Times each run&apos;s newest checkpoint generating up to the longest context, in a separate process; a few seconds per run</source>
        <translation>Misst den neuesten Checkpoint jedes Laufs beim Generieren bis zum längsten Kontext, in einem eigenen Prozess; einige Sekunden je Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="45"/>
        <source>up to 1,024 tokens</source>
        <translation>bis 1.024 Token</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="46"/>
        <source>up to 4,096 tokens</source>
        <translation>bis 4.096 Token</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="47"/>
        <source>up to 16,384 tokens</source>
        <translation>bis 16.384 Token</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="49"/>
        <source>Loss curves…</source>
        <translation>Verlustkurven…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="50"/>
        <source>The Curves tab overlays the same runs, in the same colours</source>
        <translation>Der Reiter Kurven zeigt dieselben Läufe übereinander, in denselben Farben</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="107"/>
        <source>context length (tokens)</source>
        <translation>Kontextlänge (Token)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="108"/>
        <source>ms per generated token</source>
        <translation>ms je erzeugtem Token</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="74"/>
        <source>Measuring cancelled.</source>
        <translation>Messung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="86"/>
        <source>Train
tok/s</source>
        <translation>Training
Tok./s</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="87"/>
        <source>Val
loss</source>
        <translation>Val.-
Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="87"/>
        <source>Gen.
ms/token</source>
        <translation>Gen.
ms/Token</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="117"/>
        <source>Measuring %1 (%2 of %3)…</source>
        <translation>Messe %1 (%2 von %3)…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="122"/>
        <source>Run %1 could not be measured: %2</source>
        <translation>Lauf %1 konnte nicht gemessen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="126"/>
        <source>Measured: the median of three rounds, each token&apos;s time averaged over 32 tokens.</source>
        <translation>Gemessen: der Median aus drei Durchgängen, die Zeit jedes Tokens gemittelt über 32 Token.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="135"/>
        <source>Select two or more runs in the list (Ctrl+click) to put them side by side: architecture, size, training speed, losses and generation time per token. Train a Mamba next to a GPT of the same size with the pretraining setting architecture = mamba.</source>
        <translation>Wählen Sie zwei oder mehr Läufe in der Liste (Strg+Klick), um sie nebeneinanderzustellen: Architektur, Größe, Trainingsgeschwindigkeit, Verluste und Generierungszeit je Token. Ein Mamba neben einem gleich großen GPT trainieren Sie mit der Vortrainings-Einstellung architecture = mamba.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="139"/>
        <source>Generation time per token grows with the context for attention (GPT-2, Llama) and stays flat for Mamba, whose state does not grow.</source>
        <translation>Die Generierungszeit je Token wächst mit dem Kontext bei Attention (GPT-2, Llama) und bleibt bei Mamba gleich, dessen Zustand nicht wächst.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="157"/>
        <source>The project could not be read: %1</source>
        <translation>Das Projekt konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="184"/>
        <source>no checkpoint yet</source>
        <translation>noch kein Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="186"/>
        <source>checkpoint unreadable</source>
        <translation>Checkpoint unlesbar</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="197"/>
        <source>At %1 → %2 tokens of context</source>
        <translation>Bei %1 → %2 Token Kontext</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="207"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="246"/>
        <source>past the context it was trained on</source>
        <translation>jenseits des trainierten Kontexts</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="265"/>
        <source>Cancel measuring</source>
        <translation>Messung abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCompareView.cpp" line="268"/>
        <source>None of these runs has a checkpoint yet.</source>
        <translation>Keiner dieser Läufe hat bisher einen Checkpoint.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunCurvesView</name>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="61"/>
        <source>Select a run to see its curves. New run… starts one; Import run… brings in one trained elsewhere.</source>
        <translation>Wählen Sie einen Lauf, um seine Kurven zu sehen. Neuer Lauf… startet einen; Lauf importieren… holt einen anderswo trainierten herein.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="69"/>
        <source>The metric to plot (TRL&apos;s names); its validation values (val_…) are drawn dashed on the same plot</source>
        <translation>Die darzustellende Metrik (Namen wie bei TRL); ihre Validierungswerte (val_…) erscheinen gestrichelt im selben Diagramm</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="71"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="71"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="77"/>
        <source>Exponential moving average, as TensorBoard&apos;s smoothing; the raw curve stays, faint</source>
        <translation>Exponentieller gleitender Mittelwert wie die Glättung von TensorBoard; die Rohkurve bleibt blass sichtbar</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="79"/>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="80"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="81"/>
        <source>Save the plot as PNG or PDF, or its points as CSV</source>
        <translation>Das Diagramm als PNG oder PDF speichern oder seine Punkte als CSV</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="83"/>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="85"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="87"/>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="213"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="213"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="220"/>
        <source>No points: the run ended before it logged a step (its status and message are under the list).</source>
        <translation>Keine Punkte: Der Lauf endete, bevor er einen Schritt protokollierte (Status und Meldung stehen unter der Liste).</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="221"/>
        <source>No points yet: the curves appear with the run&apos;s first steps.</source>
        <translation>Noch keine Punkte: Die Kurven erscheinen mit den ersten Schritten des Laufs.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="259"/>
        <source>%1 validation</source>
        <translation>%1 Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="288"/>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3: %4</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="319"/>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="321"/>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="331"/>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="320"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;CSV points (*.csv)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;CSV-Punkte (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunCurvesView.cpp" line="331"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunDetailsView</name>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="39"/>
        <source>Start next stage from it…</source>
        <translation>Nächste Stufe daraus starten…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="40"/>
        <source>Copy as Hugging Face directory…</source>
        <translation>Als Hugging-Face-Verzeichnis kopieren…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="41"/>
        <source>Delete checkpoint</source>
        <translation>Checkpoint löschen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="42"/>
        <source>Keep last N and best…</source>
        <translation>Letzte N und besten behalten…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="43"/>
        <source>Delete the other checkpoints; the best is judged by val_loss (PPO: val_objective/scores)</source>
        <translation>Die übrigen Checkpoints löschen; der beste wird nach val_loss beurteilt (PPO: val_objective/scores)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="64"/>
        <source>Keep checkpoints</source>
        <translation>Checkpoints behalten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="64"/>
        <source>Keep the last N checkpoints (and the best):</source>
        <translation>Die letzten N Checkpoints behalten (und den besten):</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="86"/>
        <source>No run selected.</source>
        <translation>Kein Lauf gewählt.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="100"/>
        <source>Run #%1 · %2 · %3 on disk · %4</source>
        <translation>Lauf #%1 · %2 · %3 auf der Platte · %4</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="105"/>
        <source>Checkpoint step</source>
        <translation>Checkpoint-Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="105"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="105"/>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="125"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="131"/>
        <source>These runs have the same settings.</source>
        <translation>Diese Läufe haben dieselben Einstellungen.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="131"/>
        <source>Settings that differ between the selected runs:</source>
        <translation>Einstellungen, in denen sich die gewählten Läufe unterscheiden:</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="154"/>
        <source>Copy the checkpoint into a new folder inside…</source>
        <translation>Den Checkpoint in einen neuen Ordner kopieren in…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="169"/>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="170"/>
        <source>Copy checkpoint</source>
        <translation>Checkpoint kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="169"/>
        <source>Could not copy to %1: %2</source>
        <translation>Kopieren nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunDetailsView.cpp" line="170"/>
        <source>Copied to %1.</source>
        <translation>Nach %1 kopiert.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunLauncher</name>
    <message>
        <location filename="../widgets/runs/RunLauncher.cpp" line="59"/>
        <source>The %1 run queued after run #%2 was not started: run #%2 did not finish.</source>
        <translation>Der nach Lauf #%2 eingereihte %1-Lauf wurde nicht gestartet: Lauf #%2 wurde nicht beendet.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunLauncher.cpp" line="106"/>
        <source>%1 after #%2</source>
        <translation>%1 nach #%2</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunListModel</name>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="12"/>
        <source>Pretraining</source>
        <translation>Vortraining</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="13"/>
        <source>SFT</source>
        <translation>SFT</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="14"/>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="15"/>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="16"/>
        <source>PPO</source>
        <translation>PPO</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="28"/>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="29"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="30"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="31"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="32"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="33"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="34"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="44"/>
        <source>#%1 step %2</source>
        <translation>#%1 Schritt %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="50"/>
        <source>imported from %1</source>
        <translation>importiert aus %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="53"/>
        <location filename="../widgets/runs/RunListModel.cpp" line="54"/>
        <source> + RM %1</source>
        <translation> + BM %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="72"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="73"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="74"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="23"/>
        <location filename="../widgets/runs/RunListModel.cpp" line="79"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="82"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="83"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="194"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="205"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="206"/>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="207"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="208"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="209"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="210"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunListModel.cpp" line="211"/>
        <source>Latest</source>
        <translation>Zuletzt</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunProcess</name>
    <message>
        <location filename="../widgets/runs/RunProcess.cpp" line="19"/>
        <source>rlhf-engine did not start (%1): %2</source>
        <translation>rlhf-engine ist nicht gestartet (%1): %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunProcess.cpp" line="55"/>
        <source>rlhf-engine crashed: %1</source>
        <translation>rlhf-engine ist abgestürzt: %1</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunStageViews</name>
    <message>
        <location filename="../widgets/runs/RunStageViews.cpp" line="32"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunStageViews.cpp" line="33"/>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunStageViews.cpp" line="34"/>
        <source>PPO samples</source>
        <translation>PPO-Beispiele</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunStageViews.cpp" line="35"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunStageViews.cpp" line="70"/>
        <source>No evaluation yet: a reward-model run writes one every eval_every steps when the project has validation preferences.</source>
        <translation>Noch keine Auswertung: Ein Belohnungsmodell-Lauf schreibt alle eval_every Schritte eine, wenn das Projekt Validierungspräferenzen hat.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::RunsPanel</name>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="94"/>
        <source>New run…</source>
        <translation>Neuer Lauf…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="95"/>
        <source>Train a stage: pretraining, SFT, reward model, DPO or PPO</source>
        <translation>Eine Stufe trainieren: Vortraining, SFT, Belohnungsmodell, DPO oder PPO</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="96"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="97"/>
        <source>Stop stepping after the current step; the run keeps its process and memory</source>
        <translation>Nach dem aktuellen Schritt innehalten; der Lauf behält Prozess und Speicher</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="98"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="99"/>
        <source>Continue a paused run, or a stopped or interrupted one from its last checkpoint</source>
        <translation>Einen pausierten Lauf fortsetzen, oder einen angehaltenen oder unterbrochenen ab seinem letzten Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="100"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="101"/>
        <source>Write a checkpoint after the current step and end the run (it can be resumed)</source>
        <translation>Nach dem aktuellen Schritt einen Checkpoint schreiben und den Lauf beenden (er kann fortgesetzt werden)</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="102"/>
        <source>Import run…</source>
        <translation>Lauf importieren…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="103"/>
        <source>Bring in a run trained elsewhere (TRL, OpenRLHF): its checkpoint and curves</source>
        <translation>Einen anderswo trainierten Lauf hereinholen (TRL, OpenRLHF): seinen Checkpoint und seine Kurven</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="104"/>
        <source>Delete run…</source>
        <translation>Lauf löschen…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="105"/>
        <source>Delete the run&apos;s rows, metrics and checkpoints from the project and the disk</source>
        <translation>Zeilen, Metriken und Checkpoints des Laufs aus dem Projekt und von der Platte löschen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="114"/>
        <source>Stopping after the current step (a checkpoint is written)…</source>
        <translation>Halte nach dem aktuellen Schritt an (ein Checkpoint wird geschrieben)…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="290"/>
        <source>Run #%1 did not finish, so there is no final checkpoint to start from.</source>
        <translation>Lauf #%1 wurde nicht beendet, es gibt also keinen letzten Checkpoint zum Starten.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="297"/>
        <source>The %1 run starts when run #%2 has finished.</source>
        <translation>Der %1-Lauf startet, wenn Lauf #%2 beendet ist.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="298"/>
        <source>Starting a %1 run…</source>
        <translation>Starte einen %1-Lauf…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="318"/>
        <source>Resuming run #%1 from its last checkpoint…</source>
        <translation>Setze Lauf #%1 ab seinem letzten Checkpoint fort…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="325"/>
        <source>Run #%1 failed: %2</source>
        <translation>Lauf #%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="325"/>
        <source>The run did not start: %1</source>
        <translation>Der Lauf ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="327"/>
        <source>Run #%1 ended.</source>
        <translation>Lauf #%1 ist zu Ende.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="439"/>
        <source>Stopping: each run finishes its step and writes a checkpoint…</source>
        <translation>Halte an: Jeder Lauf beendet seinen Schritt und schreibt einen Checkpoint…</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="439"/>
        <source>Quit without waiting</source>
        <translation>Ohne Warten beenden</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="290"/>
        <location filename="../widgets/runs/RunsPanel.cpp" line="328"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="328"/>
        <source>The run did not start:
%1</source>
        <translation>Der Lauf ist nicht gestartet:
%1</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="358"/>
        <location filename="../widgets/runs/RunsPanel.cpp" line="373"/>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="358"/>
        <source>Delete %1 with their metrics and checkpoints? This cannot be undone.</source>
        <translation>%1 mit Metriken und Checkpoints löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="377"/>
        <location filename="../widgets/runs/RunsPanel.cpp" line="388"/>
        <source>Delete checkpoint</source>
        <translation>Checkpoint löschen</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="377"/>
        <source>Delete the checkpoint %1?</source>
        <translation>Den Checkpoint %1 löschen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs/RunsPanel.cpp" line="411"/>
        <source>Run #%1: %n checkpoint(s) deleted.</source>
        <translation>
            <numerusform>Lauf #%1: %n Checkpoint gelöscht.</numerusform>
            <numerusform>Lauf #%1: %n Checkpoints gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="414"/>
        <source>Keep checkpoints</source>
        <translation>Checkpoints behalten</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="425"/>
        <source>Runs %1 use it as their model or reward model: they keep their own checkpoints, but can no longer be resumed or retraced without it.</source>
        <translation>Die Läufe %1 nutzen ihn als Modell oder Belohnungsmodell: Sie behalten ihre eigenen Checkpoints, können ohne ihn aber nicht mehr fortgesetzt oder nachvollzogen werden.</translation>
    </message>
    <message>
        <location filename="../widgets/runs/RunsPanel.cpp" line="433"/>
        <source>Runs are training</source>
        <translation>Läufe trainieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runs/RunsPanel.cpp" line="434"/>
        <source>%n run(s) are training. Stop them and quit? Each writes a checkpoint and can be resumed later.</source>
        <translation>
            <numerusform>%n Lauf trainiert. Anhalten und beenden? Er schreibt einen Checkpoint und kann später fortgesetzt werden.</numerusform>
            <numerusform>%n Läufe trainieren. Anhalten und beenden? Jeder schreibt einen Checkpoint und kann später fortgesetzt werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::SamplingSettings</name>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="17"/>
        <source>Temperature: below 1 the likely tokens grow likelier, above 1 the choice spreads out</source>
        <translation>Temperatur: unter 1 werden wahrscheinliche Tokens noch wahrscheinlicher, über 1 streut die Wahl</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="22"/>
        <source>Top-p: sample only from the likeliest tokens that together have this probability</source>
        <translation>Top-p: nur aus den wahrscheinlichsten Tokens ziehen, die zusammen diese Wahrscheinlichkeit haben</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="26"/>
        <source>New tokens per reply at most (never more than half the model&apos;s context)</source>
        <translation>Höchstens so viele neue Tokens pro Antwort (nie mehr als der halbe Kontext des Modells)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="27"/>
        <source>Greedy</source>
        <translation>Greedy</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="28"/>
        <source>Always the likeliest token: the same reply every time</source>
        <translation>Immer das wahrscheinlichste Token: jedes Mal dieselbe Antwort</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="30"/>
        <source>Human / Assistant (HH, the demo&apos;s)</source>
        <translation>Human / Assistant (HH, das der Demo)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="31"/>
        <source>User / Assistant</source>
        <translation>User / Assistant</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="32"/>
        <source>Q / A</source>
        <translation>Q / A</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="35"/>
        <source>How the conversation is written for a GPT-2 model: use the format it was trained on (a Llama-family model uses its own chat template)</source>
        <translation>Wie das Gespräch für ein GPT-2-Modell geschrieben wird: das Format, mit dem es trainiert wurde (ein Modell der Llama-Familie nutzt seine eigene Chatvorlage)</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="42"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="46"/>
        <source>New tokens</source>
        <translation>Neue Tokens</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="64"/>
        <source>%1 template</source>
        <translation>%1-Vorlage</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="67"/>
        <source>This model is prompted in its own chat template (%1); the formats here are for GPT-2 models</source>
        <translation>Dieses Modell wird in seiner eigenen Chat-Vorlage (%1) angesprochen; die Formate hier gelten für GPT-2-Modelle</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="44"/>
        <source>top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../widgets/chat/SamplingSettings.cpp" line="49"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::StatisticsDialog</name>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="108"/>
        <source>Token lengths appear here once the project has a trained model (its tokenizer).</source>
        <translation>Token-Längen erscheinen hier, sobald das Projekt ein trainiertes Modell (mit Tokenizer) hat.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="111"/>
        <source>Token lengths with the tokenizer of %1</source>
        <translation>Token-Längen mit dem Tokenizer von %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="112"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="146"/>
        <source>Prompt length</source>
        <translation>Prompt-Länge</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="112"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="113"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="113"/>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="147"/>
        <source>Response length</source>
        <translation>Antwortlänge</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="140"/>
        <source>
%1 conversational prompts, rendered for training as \n\nHuman: … \n\nAssistant: (chat template hh); %2 standard prompts, used as written.</source>
        <translation>
%1 Gesprächs-Prompts, fürs Training dargestellt als \n\nHuman: … \n\nAssistant: (Chat-Vorlage hh); %2 gewöhnliche Prompts, so verwendet wie geschrieben.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="144"/>
        <source>
Warning: this project mixes the two, so a model trained on it learns both formats.</source>
        <translation>
Warnung: Dieses Projekt mischt beides, ein darauf trainiertes Modell lernt also beide Formate.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="154"/>
        <source>Dataset statistics</source>
        <translation>Datensatz-Statistik</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="137"/>
        <source>%1 prompts · %2 responses (%3 demonstrations) · %4 comparisons</source>
        <translation>%1 Prompts · %2 Antworten (%3 Demonstrationen) · %4 Vergleiche</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="156"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/StatisticsDialog.cpp" line="158"/>
        <source>Token lengths: counting with the newest checkpoint&apos;s tokenizer…</source>
        <translation>Token-Längen: zähle mit dem Tokenizer des neuesten Checkpoints …</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::StepCard</name>
    <message>
        <location filename="../widgets/pipeline/StepCard.cpp" line="23"/>
        <source>Show run</source>
        <translation>Lauf zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/StepCard.cpp" line="25"/>
        <source>Open the newest run of this step in the Runs panel</source>
        <translation>Den neuesten Lauf dieses Schritts im Läufe-Bereich öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/pipeline/StepCard.cpp" line="41"/>
        <source>No run yet.</source>
        <translation>Noch kein Lauf.</translation>
    </message>
</context>
<context>
    <name>rlhf::widgets::TokenTranscript</name>
    <message>
        <location filename="../widgets/chat/TokenTranscript.cpp" line="77"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — the model gave it p = %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — das Modell gab ihm p = %2</translation>
    </message>
    <message>
        <location filename="../widgets/chat/TokenTranscript.cpp" line="78"/>
        <source>The likeliest tokens at this step:</source>
        <translation>Die wahrscheinlichsten Tokens an dieser Stelle:</translation>
    </message>
</context>
</TS>
