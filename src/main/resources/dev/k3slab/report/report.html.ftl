<#ftl output_format="HTML" strip_whitespace=true>
<#-- report.html: lays out a dev.k3slab.report.ReportModel. Every value is computed in Java; this file only places it.
     Self-contained: inline CSS, inline SVG, no script, no external resource. -->
<#assign s = r.summary>
<#macro verdict v><span class="v v-${v?lower_case}">${v}</span></#macro>
<#macro agreement text a=""><#if a?is_boolean><span class="${a?then('agree', 'differ')}">${a?then('✓', '✗')} ${text}</span><#else><span class="muted">${text}</span></#if></#macro>
<#macro bootCell c>
<td class="${c.cases?has_content?then('observed', 'unobserved')}">
<#if c.cases?has_content>
<ul><#list c.cases as k><li><a href="#${k.anchor}">${k.experiment}</a> (${k.node}): ${k.outcome}</li></#list></ul>
<#else>
<p class="none">not observed by this run</p>
</#if>
<p class="src"><#if c.sourceSays??>Source: ${c.sourceSays} <span class="basis">(${c.sourceBasis})</span><#else>${c.sourceBasis}</#if></p>
</td>
</#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>k3s-lab report ${s.runId}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2833; margin: 0; background: #fff; }
header, main { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
h1 { font-size: 24px; margin: 18px 0 10px; }
h2 { font-size: 19px; margin: 30px 0 8px; border-bottom: 2px solid #d5dbdb; padding-bottom: 3px; }
h3 { font-size: 16px; margin: 22px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
h5 { font-size: 13px; margin: 10px 0 4px; color: #34495e; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
table { border-collapse: collapse; margin: 6px 0 10px; width: 100%; }
th, td { border: 1px solid #d5dbdb; padding: 4px 7px; text-align: left; vertical-align: top; }
thead th { background: #eaf0f4; }
table.facts { width: auto; }
table.facts th { background: #f4f6f7; font-weight: 600; }
.banner { background: #fff3cd; border: 3px solid #e67e22; color: #7e3d00; font-size: 18px; font-weight: 700; padding: 12px 16px; margin: 10px 0 14px; border-radius: 4px; }
.v { display: inline-block; padding: 0 7px; border-radius: 3px; font-weight: 700; font-size: 12px; color: #fff; }
.v-pass { background: #1e8449; } .v-fail { background: #c0392b; } .v-unknown { background: #b9770e; }
.agree { color: #1e8449; font-weight: 600; } .differ { color: #c0392b; font-weight: 600; }
.muted, .none, .basis { color: #7f8c8d; }
.none { font-style: italic; margin: 2px 0; }
tr.reference td { background: #f4f6f7; font-style: italic; }
td.unobserved { background: #fbfcfc; }
td.observed { background: #f1f8f3; }
td ul { margin: 0; padding-left: 18px; }
.src { font-size: 12px; color: #4d5656; margin: 4px 0 0; }
.reason { font-size: 12px; color: #4d5656; }
nav ul { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
nav a, a { color: #1f618d; }
ul.notes li { color: #7e3d00; }
section.exp { border-top: 1px solid #d5dbdb; margin-top: 22px; }
details { margin: 4px 0; }
details > summary { cursor: pointer; }
details.step { border: 1px solid #e5e8e8; border-radius: 3px; padding: 3px 8px; }
pre { background: #f8f9f9; border: 1px solid #e5e8e8; padding: 6px 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
pre .prompt { color: #1a5276; font-weight: 700; }
pre .stderr { color: #922b21; }
pre .status { color: #7f8c8d; }
tr.row-fail td { background: #fdedec; } tr.row-unknown td { background: #fef5e7; }
figure { margin: 8px 0; } figcaption { color: #4d5656; margin-bottom: 4px; }
.svgwrap { overflow-x: auto; }
p.meta { color: #4d5656; margin: 2px 0 8px; }
</style>
</head>
<body>
<header>
<h1>k3s-lab report <code>${s.runId}</code> <@verdict s.verdict/></h1>
<#if s.emulated>
<div class="banner" id="emulated-banner" role="note">${s.emulatedBanner}</div>
</#if>
<table class="facts" id="facts">
<tr><th>Provider</th><td><strong>${s.provider}</strong>: ${s.providerDescription}</td></tr>
<tr><th>K3s version</th><td>${s.k3sVersion}</td></tr>
<tr><th>Nodes</th><td>${s.nodes?join("; ")}</td></tr>
<tr><th>Started</th><td>${s.started}</td></tr>
<tr><th>Total time</th><td>${s.took} wall clock; ${s.labTook} on the lab clock</td></tr>
<tr><th>Verdict</th><td><@verdict s.verdict/></td></tr>
</table>
<#if s.notes?has_content>
<ul class="notes"><#list s.notes as n><li>${n}</li></#list></ul>
</#if>
<nav><ul>
<li><a href="#summary">Verdicts and times</a></li>
<li><a href="#split-brain">Split brain 4a/4b/4c</a></li>
<li><a href="#boot-matrix">Boot matrix</a></li>
<li><a href="#member-removal">Member removal 5a/5b/5c</a></li>
<li><a href="#join-flags">Join flags</a></li>
<li><a href="#timeline">Timeline</a></li>
<li><a href="#experiments">Checks and transcripts</a></li>
</ul></nav>
</header>
<main>

<section id="summary">
<h2>Verdict per experiment</h2>
<table id="verdicts">
<thead><tr><th>Experiment</th><th>Title</th><th>Verdict</th><th>Checks passed</th><th>Wall clock</th><th>Lab clock</th><th>Started from checkpoint</th></tr></thead>
<tbody>
<#list r.experiments as e>
<tr><td><a href="#${e.anchor}">${e.id}</a></td><td>${e.title}</td><td><@verdict e.verdict/></td><td>${e.checksPassed} of ${e.checksTotal}</td><td>${e.took}</td><td>${e.labTook}</td><td>${e.restoredFrom!"—"}</td></tr>
</#list>
</tbody>
</table>
<#if !r.experiments?has_content><p class="none">no experiment ran</p></#if>
<details>
<summary>Time of each step</summary>
<table id="step-times">
<thead><tr><th>Experiment</th><th>Step</th><th>Kind</th><th>Node</th><th>Lab clock at start</th><th>Lab clock</th><th>Wall clock</th><th>Outcome</th></tr></thead>
<tbody>
<#list r.experiments as e><#list e.steps as st>
<tr><td>${e.id}</td><td><a href="#${st.anchor}">${st.number}. ${st.name}</a></td><td>${st.kind}</td><td>${st.node}</td><td>${st.labAt}</td><td>${st.labTook}</td><td>${st.took}</td><td><@verdict st.outcome/></td></tr>
</#list></#list>
</tbody>
</table>
</details>
</section>

<section id="split-brain">
<h2>Split brain: 4a, 4b, 4c</h2>
<p>How the returning node sees itself after it started without join flags, as this run observed it, beside the source's result for the same experiment. The last row is the field observation of Part 1: a reference, not observed by this run.</p>
<table id="comparison">
<thead><tr><th>Condition</th><th>Node</th><th>ROLES</th><th>AGE (kept or new)</th><th>Other nodes visible</th><th>Datastore</th><th>Split brain</th><th>vs. the source</th></tr></thead>
<tbody>
<#list r.comparison as row>
<tr class="${row.reference?then('reference', 'observed')}">
<td><#if row.anchor??><a href="#${row.anchor}">${row.condition}</a><#else>${row.condition}</#if></td>
<td>${row.node}</td><td><code>${row.roles}</code></td><td>${row.age}</td><td>${row.visible}</td><td>${row.datastore}</td>
<td><strong>${row.splitBrain}</strong><div class="reason">${row.reason}</div></td>
<td><@agreement row.vsSource row.agrees/></td>
</tr>
</#list>
</tbody>
</table>
</section>

<section id="boot-matrix">
<h2>Boot matrix: join flags × etcd data</h2>
<p>What <code>k3s server</code> did at start, by its join flags and whether <code>server/db/etcd/member/wal</code> existed. Each observed cell links to the experiment that observed it; the source's claim is shown beside it.</p>
<table id="boot-matrix-table">
<thead><tr><th>Command</th><th>etcd data present</th><th>etcd data absent</th></tr></thead>
<tbody>
<#list r.bootMatrix.rows as row>
<tr><th scope="row"><code>${row.label}</code></th><@bootCell row.present/><@bootCell row.absent/></tr>
</#list>
</tbody>
</table>
</section>

<section id="member-removal">
<h2>How etcd members are removed: 5a, 5b, 5c</h2>
<#if r.memberRemoval?has_content>
<table id="member-removal-table">
<thead><tr><th>Experiment</th><th>Question</th><th>Observed by this run</th><th>Source</th><th>Verdict</th><th>vs. the source</th></tr></thead>
<tbody>
<#list r.memberRemoval as row>
<tr>
<td><a href="#${row.anchor}">${row.experiment}</a></td><td>${row.question}</td>
<td><ul><#list row.observed as o><li>${o}</li></#list></ul>
<#if row.checks?has_content><details><summary>${row.checks?size} check<#if row.checks?size != 1>s</#if></summary><ul><#list row.checks as c><li>${c}</li></#list></ul></details></#if></td>
<td>${row.sourceResult}</td><td><@verdict row.verdict/></td><td><@agreement row.vsSource row.agrees/></td>
</tr>
</#list>
</tbody>
</table>
<#else>
<p class="none">experiments 5a, 5b and 5c did not run</p>
</#if>
</section>

<section id="join-flags">
<h2>Join flags in each server's unit</h2>
<p>From <code>systemctl cat k3s</code> and the unit's env file, read on each server after the experiment; beside it, what the source shows.</p>
<#if r.joinFlags.columns?has_content>
<table id="join-flags-table">
<thead><tr><th>Server</th><#list r.joinFlags.columns as col><th>after <a href="#${col.anchor}">${col.experiment}</a></th></#list></tr></thead>
<tbody>
<#list r.joinFlags.rows as row>
<tr><th scope="row">${row.node}</th>
<#list row.cells as c>
<td><code>${c.flags}</code><#if c.sourceSays??><div class="src"><@agreement "source: " + c.sourceSays c.agrees/></div></#if>
<#if c.execStart?has_content><details><summary>ExecStart</summary><pre>${c.execStart}</pre></details></#if></td>
</#list>
</tr>
</#list>
</tbody>
</table>
<#else>
<p class="none">no unit was read in this run</p>
</#if>
</section>

<section id="timeline">
<h2>Timeline</h2>
<#if r.timelines?has_content>
<#list r.timelines as t>
<figure>
<figcaption>Monitor on ${t.from}: ${t.samples} samples from ${t.start} to ${t.end} (lab clock). Each sample runs the source's loop (<code>kubectl get nodes -o wide</code>, <code>etcdctl member list</code>) plus <code>etcdctl endpoint status</code> for RAFT TERM. Hover a marker for its step.</figcaption>
<div class="svgwrap">${t.svg?no_esc}</div>
</figure>
</#list>
<#else>
<p class="none">no monitor samples in this run</p>
</#if>
</section>

<section id="experiments">
<h2>Checks, observations and transcripts</h2>
<#list r.experiments as e>
<section class="exp" id="${e.anchor}">
<h3>${e.id}: ${e.title} <@verdict e.verdict/></h3>
<p class="meta">scenario ${e.file} · ${e.took} wall clock · ${e.labTook} on the lab clock<#if e.restoredFrom??> · started from checkpoint ${e.restoredFrom}</#if></p>
<h4>Checks: expected against observed</h4>
<#if e.checks?has_content>
<table class="checks">
<thead><tr><th>Check</th><th>Relation</th><th>Expected</th><th>Observed</th><th>K3s model predicts</th><th>Verdict</th></tr></thead>
<tbody>
<#list e.checks as c>
<tr class="row-${c.verdict?lower_case}">
<td>${c.name}<#if c.evidence?has_content><details><summary>evidence</summary><pre>${c.evidence}</pre></details></#if></td>
<td><code>${c.relation!"—"}</code></td><td>${c.expected!"—"}</td><td>${c.observed!"—"}</td>
<td><#if c.prediction?has_content>${c.prediction}<#else><span class="muted">no prediction</span></#if></td>
<td><@verdict c.verdict/></td>
</tr>
</#list>
</tbody>
</table>
<#else>
<p class="none">no checks in this experiment</p>
</#if>
<#if e.evidence?has_content>
<p>Evidence collected: <#list e.evidence as f><code>${f}</code><#sep>, </#list></p>
</#if>
<#if e.observations?has_content>
<details>
<summary>Observations (${e.observations?size})</summary>
<table class="observations">
<thead><tr><th>Name</th><th>Kind</th><th>From</th><th>Lab clock</th><th>Seen</th></tr></thead>
<tbody>
<#list e.observations as o>
<tr><td>${o.name}</td><td>${o.kind}</td><td>${o.from}</td><td>${o.at}</td><td><#list o.lines as l>${l}<#sep><br></#list></td></tr>
</#list>
</tbody>
</table>
</details>
</#if>
<h4>Transcripts</h4>
<#list e.steps as st>
<details class="step" id="${st.anchor}">
<summary>Step ${st.number}: ${st.name} · ${st.kind}<#if st.node != "—"> on ${st.node}</#if> · <@verdict st.outcome/> · ${st.labTook} lab clock · ${st.commandCount} command<#if st.commandCount != 1>s</#if></summary>
<#if st.message?has_content><p class="meta">${st.message}</p></#if>
<#list st.transcripts as t>
<h5>${t.node}</h5>
<#list t.commands as c>
<pre class="cmd"><span class="prompt">$ ${c.command}</span>
${c.stdout}<#if c.stderr?has_content><span class="stderr">${c.stderr}</span></#if><span class="status">[${c.status} · ${c.took}]</span></pre>
</#list>
</#list>
<#if !st.transcripts?has_content><p class="none">no commands</p></#if>
</details>
</#list>
<#if !e.steps?has_content><p class="none">no steps recorded</p></#if>
</section>
</#list>
</section>

</main>
</body>
</html>
