def log = new File(basedir, 'build.log').text
assert log.contains("[aws] workflow fanout v1 (file fanout.yaml): step 'charge': a compensation inside a parallel branch is not portable: AWS Step Functions cannot run it")
assert log.contains("[aws] workflow fanout v1 (file fanout.yaml): step 'spread': 11 branches is not portable: Google Cloud Workflows cannot run it")
assert log.contains("[aws] workflow signals v1 (file signals.yaml): step 'wait': the aws adapter's Step Functions engine does not run awaitEvent steps")
assert !log.contains("[azure] workflow signals v1")
assert log.contains('Workflow definitions cannot run on the clouds this project targets')
return true
