// Run by the orderhooks build only (maven-invoker-plugin in ../pom.xml), after this project's `verify` and
// `dependency:list`: a project that only writes middleware must not get the order engine or its senders.
// Your own copy of this project does not need this file.

def pom = new File(basedir, 'pom.xml').text
def declared = (pom =~ /<orderhooks\.version>([^<]+)<\/orderhooks\.version>/)[0][1]
assert declared == orderhooksVersion :
        "examples/consumer/pom.xml says orderhooks.version ${declared}; set it to ${orderhooksVersion}"

def list = new File(basedir, 'target/runtime-classpath.txt')
assert list.isFile() : "dependency:list wrote no ${list}"
// lines look like "   group:artifact:jar:version:compile:/path/to/file.jar -- module name"
def entries = list.readLines().collect { it.trim() }.findAll { it =~ /^[\w.\-]+:[\w.\-]+:/ }.collect { line ->
    def coordinates = line.split(' -- ')[0]
    def path = coordinates.substring(coordinates.indexOf(':/') + 1)
    [id: coordinates.substring(0, coordinates.indexOf(':/')), file: new File(path)]
}
assert !entries.isEmpty() : "no dependency in ${list}:\n${list.text}"

def banned = [
        ~/^io\.orderhooks:orderhooks-(engine|examples):/,
        ~/^com\.nimbusds:/,
        ~/^io\.jsonwebtoken:/,
        ~/^com\.auth0:/,
        ~/^com\.squareup\.(okhttp3|okio):/,
        ~/^io\.github\.resilience4j:/,
]
def offending = entries.findAll { e -> banned.any { e.id =~ it } }.collect { it.id }
assert offending.isEmpty() :
        "the consumer's runtime classpath holds the engine or a sender's dependency: ${offending.join(', ')}"

long bytes = entries.sum { it.file.length() } as long
println "Consumer runtime classpath: ${entries.size()} artifacts, ${bytes} bytes (${String.format('%.1f', bytes / 1048576d)} MiB)"
entries.each { println "  ${it.id}  ${it.file.length()}" }
return true
