import java.nio.file.*
import groovy.json.JsonSlurper

Path one = basedir.toPath().resolve('target/skystate/aws')
Path two = basedir.toPath().resolve('target/skystate-again/aws')
Path cli = basedir.toPath().resolve('target/skystate-cli/aws')

def files = { Path root ->
    def list = []
    Files.walk(root).withCloseable { s -> s.filter { Files.isRegularFile(it) }.forEach { list << root.relativize(it).toString() } }
    list.sort()
}
def first = files(one)
assert first == files(two)
assert first.containsAll(['README.md', 'function.zip', 'manifest.json', 'template.yaml',
                          'statemachines/archive-v2.asl.json', 'statemachines/review-v1.asl.json'])
assert first == files(cli)
first.each { f ->
    assert Arrays.equals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f))) : "$f differs"
    assert Arrays.equals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(cli.resolve(f))) : "$f differs from the command line's"
}

def manifest = new JsonSlurper().parse(one.resolve('manifest.json').toFile())
assert manifest.cloud == 'aws'
assert manifest.application == 'document-review'
assert manifest.prefix == 'document-review-'
assert manifest.handlers*.name == ['archive', 'askReviewer', 'submit']
assert manifest.workflows*.resource == ['document-review-archive-v2', 'document-review-review-v1']
def names = manifest.resources*.name
assert names.containsAll(['document-review-documents', 'document-review-idempotency', 'document-review-review-events',
                          'document-review-worker'])

def zip = new java.util.zip.ZipFile(one.resolve('function.zip').toFile())
def entries = zip.entries().collect { it.name }
zip.close()
assert entries.contains('it/approval/ReviewModule.class')
assert entries.contains('META-INF/services/io.skystate.api.handler.HandlerModule')
assert entries.any { it ==~ /lib\/skystate-adapter-aws-.*\.jar/ }
assert entries.any { it ==~ /lib\/skystate-api-.*\.jar/ }
assert !one.resolve('template.yaml').toFile().text.contains(basedir.toString())
assert one.resolve('README.md').toFile().text.contains('sam deploy --template-file template.yaml --stack-name document-review')
// Azure: both executions wrote the same bytes, with the Durable functions and each workflow's document.
Path azureOne = basedir.toPath().resolve('target/skystate/azure')
Path azureTwo = basedir.toPath().resolve('target/skystate-again/azure')
def azureFiles = files(azureOne)
assert azureFiles == files(azureTwo)
assert azureFiles.containsAll(['azuredeploy.json', 'functionapp/host.json', 'functionapp/SkystateWorkflow/function.json',
                               'workflows/review-v1.json', 'workflows/archive-v2.json', 'manifest.json', 'README.md'])
azureFiles.each { f ->
    assert Arrays.equals(Files.readAllBytes(azureOne.resolve(f)), Files.readAllBytes(azureTwo.resolve(f))) : "azure $f differs"
}
assert !azureOne.resolve('azuredeploy.json').toFile().text.contains(basedir.toString())
return true
