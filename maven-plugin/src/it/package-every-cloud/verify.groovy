import java.nio.file.*
import groovy.json.JsonSlurper

Path root = basedir.toPath().resolve('../../../..').normalize()
Path bundles = basedir.toPath().resolve('target/skystate')

def run = { Path dir, List<String> command ->
    def process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start()
    def output = process.inputStream.text
    process.waitFor()
    [process.exitValue(), output]
}
def tool = { String relative ->
    Path path = root.resolve(relative)
    assert Files.isExecutable(path) : "$path is missing: run scripts/install-emulators.sh"
    path.toString()
}

// AWS: the SAM template passes cfn-lint.
Path aws = bundles.resolve('aws')
def (awsExit, awsOut) = run(aws, [tool('.emulators/venv/bin/cfn-lint'), '--', 'template.yaml'])
assert awsExit == 0 : "cfn-lint: $awsOut"
assert new JsonSlurper().parse(aws.resolve('manifest.json').toFile()).prefix == 'notifier-'

// Azure: the function app folder and an ARM template that passes checkov (the adapter's documented skips).
Path azure = bundles.resolve('azure')
['functionapp/host.json', 'functionapp/notifier.jar', 'functionapp/skystate-http/function.json',
 'functionapp/skystate-work/function.json', 'azuredeploy.json', 'README.md', 'manifest.json'].each {
    assert Files.exists(azure.resolve(it)) : "azure bundle lacks $it"
}
assert Files.list(azure.resolve('functionapp/lib')).anyMatch { it.fileName.toString().startsWith('skystate-adapter-azure-') }
def skips = 'CKV_AZURE_43,CKV_AZURE_35,CKV_AZURE_206,CKV_AZURE_17,CKV_AZURE_222,CKV_AZURE_212,CKV_AZURE_225,CKV_AZURE_213'
def (azExit, azOut) = run(azure, [tool('.emulators/checkov/bin/checkov'), '-f', 'azuredeploy.json', '--framework', 'arm',
                                  '--compact', '--quiet', '--skip-download', '--skip-check', skips])
assert azExit == 0 : "checkov: $azOut"
assert new JsonSlurper().parse(azure.resolve('manifest.json').toFile()).prefix == 'notifier'

// Google Cloud: a thin jar with its libraries and a deploy script that parses and passes shellcheck.
Path gcp = bundles.resolve('gcp')
def jar = new java.util.jar.JarFile(gcp.resolve('function/notifier.jar').toFile())
def classPath = jar.manifest.mainAttributes.getValue('Class-Path').split(' ')
jar.close()
classPath.each { assert Files.exists(gcp.resolve('function').resolve(it)) : "Class-Path entry $it is missing" }
assert classPath.any { it.startsWith('libs/skystate-adapter-gcp-') }
def (gcpExit, gcpOut) = run(gcp, ['bash', '-n', 'deploy.sh'])
assert gcpExit == 0 : "bash -n: $gcpOut"
def (shExit, shOut) = run(gcp, [tool('.emulators/venv/bin/shellcheck'), '--shell=bash', '--severity=style', 'deploy.sh'])
assert shExit == 0 : "shellcheck: $shOut"
assert gcp.resolve('deploy.sh').toFile().text.contains('gcloud pubsub topics create notifier-outbox ')
return true
