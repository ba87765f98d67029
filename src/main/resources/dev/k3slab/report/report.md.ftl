<#ftl output_format="Markdown" strip_whitespace=true>
<#-- report.md: the summary and the tables of a dev.k3slab.report.ReportModel, for a pull-request comment or a
     chat message. Values are escaped by the Markdown output format; only the layout is written here. -->
<#assign s = r.summary>
<#macro yesNo a=""><#if a?is_boolean>${a?then('✓', '✗')} </#if></#macro>
# k3s-lab report ${s.runId}: ${s.verdict}

<#if s.emulated>
> ⚠️ **${s.emulatedBanner}**

</#if>
| | |
|---|---|
| Provider | **${s.provider}**: ${s.providerDescription} |
| K3s version | ${s.k3sVersion} |
| Started | ${s.started} |
| Total time | ${s.took} wall clock; ${s.labTook} on the lab clock |
| Verdict | **${s.verdict}** |
<#list s.notes as n>
<#if n?is_first>

</#if>
- ${n}
</#list>

## Verdict per experiment

| Experiment | Title | Verdict | Checks passed | Wall clock | Lab clock |
|---|---|---|---|---|---|
<#list r.experiments as e>
| ${e.id} | ${e.title} | **${e.verdict}** | ${e.checksPassed} of ${e.checksTotal} | ${e.took} | ${e.labTook} |
</#list>

<details><summary>Time of each step</summary>

| Experiment | Step | Node | Lab clock | Wall clock | Outcome |
|---|---|---|---|---|---|
<#list r.experiments as e><#list e.steps as st>
| ${e.id} | ${st.number}. ${st.name} | ${st.node} | ${st.labTook} | ${st.took} | ${st.outcome} |
</#list></#list>

</details>

## Split brain: 4a, 4b, 4c

| Condition | ROLES | AGE (kept or new) | Other nodes visible | Datastore | Split brain | vs. the source |
|---|---|---|---|---|---|---|
<#list r.comparison as row>
| <#if row.reference>*${row.condition}*<#else>${row.condition}</#if> | ${row.roles} | ${row.age} | ${row.visible} | ${row.datastore} | **${row.splitBrain}** | <@yesNo row.agrees/>${row.vsSource} |
</#list>

## Boot matrix: join flags × etcd data

| Command | etcd data present | etcd data absent |
|---|---|---|
<#macro bootCell c><#if c.cases?has_content><#list c.cases as k>${k.experiment} (${k.node}): ${k.outcome}<#sep>; </#list><#else>*not observed by this run*</#if><br>source: <#if c.sourceSays??>${c.sourceSays} (${c.sourceBasis})<#else>${c.sourceBasis}</#if></#macro>
<#list r.bootMatrix.rows as row>
| ${row.label} | <@bootCell row.present/> | <@bootCell row.absent/> |
</#list>

## How etcd members are removed: 5a, 5b, 5c

<#if r.memberRemoval?has_content>
| Experiment | Question | Observed by this run | Source | Verdict | vs. the source |
|---|---|---|---|---|---|
<#list r.memberRemoval as row>
| ${row.experiment} | ${row.question} | <#list row.observed as o>${o}<#sep><br></#list> | ${row.sourceResult} | **${row.verdict}** | <@yesNo row.agrees/>${row.vsSource} |
</#list>
<#else>
*Experiments 5a, 5b and 5c did not run.*
</#if>

## Join flags in each server's unit

<#if r.joinFlags.columns?has_content>
| Server | <#list r.joinFlags.columns as col>after ${col.experiment}<#sep> | </#list> |
|---|<#list r.joinFlags.columns as col>---|</#list>
<#list r.joinFlags.rows as row>
| ${row.node} | <#list row.cells as c>${c.flags}<#if c.sourceSays??><br><@yesNo c.agrees/>source: ${c.sourceSays}</#if><#sep> | </#list> |
</#list>
<#else>
*No unit was read in this run.*
</#if>

## Checks that did not pass

<#assign notPassed = 0>
<#list r.experiments as e><#list e.checks as c><#if c.verdict != "PASS"><#assign notPassed++>
- **${c.verdict}** ${e.id}: ${c.name}: expected ${c.expected!"—"}, observed ${c.observed!"—"}
</#if></#list></#list>
<#if notPassed == 0>
Every check passed.
</#if>
