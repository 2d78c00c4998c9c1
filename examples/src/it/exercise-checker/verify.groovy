// Run by Maven Invoker after this example's build (Drawnet's test suite): the README's library section
// shows this example whole, so the two cannot drift. Fails naming the first line that differs.
// `readme` is the path of Drawnet's README.md (the examples module's pom passes it); `basedir` this project.

def text = new File(readme).getText('UTF-8')
int start = text.indexOf('## Using Drawnet as a library')
assert start >= 0 : "README.md has no section '## Using Drawnet as a library'"
int end = text.indexOf('\n## ', start + 3)
def section = end < 0 ? text.substring(start) : text.substring(start, end)
def blocks = { String lang -> (section =~ /(?s)```${lang}\n(.*?)```/).collect { it[1] } }

def source = new File(basedir, 'src/main/java/org/example/checker/ExerciseChecker.java').getText('UTF-8')
def shown = blocks('java').find { it.startsWith('package org.example.checker;') }
assert shown != null : "README.md's library section shows no Java block that starts 'package org.example.checker;'"
if (shown != source) {
    def a = shown.readLines(), b = source.readLines()
    int i = 0
    while (i < a.size() && i < b.size() && a[i] == b[i]) {
        i++
    }
    throw new AssertionError("README.md's library section differs from ExerciseChecker.java at its line " + (i + 1)
            + ":\n  README: " + (i < a.size() ? a[i] : '(ends)') + "\n  source: " + (i < b.size() ? b[i] : '(ends)'))
}

// the Drawnet artifacts the README's pom depends on are the example's, with the same scopes
def drawnet = { String pom ->
    (pom =~ /<dependency><groupId>io\.github\.drawnet<\/groupId><artifactId>([\w-]+)<\/artifactId>(?:<scope>(\w+)<\/scope>)?<\/dependency>/)
            .collect { it[1] + ':' + (it[2] ?: 'compile') } as Set
}
def shownPom = blocks('xml').find { it.contains('<artifactId>drawnet-bom</artifactId>') }
assert shownPom != null : "README.md's library section shows no pom that imports drawnet-bom"
def pomDependencies = drawnet(new File(basedir, 'pom.xml').getText('UTF-8'))
assert !pomDependencies.isEmpty() : 'found no Drawnet dependency in the example pom'
assert drawnet(shownPom) == pomDependencies : "README.md's pom depends on " + drawnet(shownPom) + ", the example on " + pomDependencies
return true
