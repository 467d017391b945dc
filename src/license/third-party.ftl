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

Note on com.hazelcast:hazelcast: its pom and manifest (Bundle-License) say Apache-2.0, but one file bundled in
the jar, META-INF/maven/com.hazelcast/hazelcast-tpc-engine/pom.xml, has a header naming the Hazelcast
Community License, while that same pom's <licenses> says Apache-2.0. Listed as its metadata declares it.
