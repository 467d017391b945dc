<#-- THIRD-PARTY.txt, written by the licence gate in pom.xml (license-maven-plugin, add-third-party). -->
The libraries concbench needs at run time (transitive ones included), each with its licence (SPDX id), as
its Maven metadata declares it. They ship as separate jars in target/lib beside concbench.jar.
Written by `mvn verify`, which fails when one of them is under a licence outside the allowed list in
pom.xml: commit this file with any change of dependencies.

<#list dependencyMap as e>
<#assign p = e.getKey()/>
<#assign licences = ""/>
<#list e.getValue() as l><#assign licences = licences + (l?is_first?then("", " OR ")) + l/></#list>
${p.groupId}:${p.artifactId}:${p.version}  ${licences}  ${p.url!"(no url)"}
</#list>
