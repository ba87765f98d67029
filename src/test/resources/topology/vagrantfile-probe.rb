# Loads a Vagrantfile with a stand-in for Vagrant's configuration API and prints, as JSON, what it
# configures for every machine: box, hostname, networks, VirtualBox settings and provisioners.
# Lets a test compare two Vagrantfiles by meaning (Ruby evaluates both) rather than by text.
# Usage: ruby vagrantfile-probe.rb PATH/TO/Vagrantfile
require "json"

# Records `x = value` assignments and `name(args)` calls on a configuration object.
class Recorder
  attr_reader :settings, :calls

  def initialize
    @settings = {}
    @calls = []
  end

  def method_missing(name, *args, **opts, &block)
    if name.to_s.end_with?("=")
      @settings[name.to_s.chomp("=")] = args.first
    else
      @calls << { "method" => name.to_s, "args" => args, "options" => opts.transform_keys(&:to_s) }
    end
    nil
  end

  def respond_to_missing?(*)
    true
  end
end

class VmSettings < Recorder
  attr_reader :providers, :defined

  def initialize
    super
    @providers = {}
    @defined = {}
  end

  def provider(name, &block)
    recorder = (@providers[name.to_s] ||= Recorder.new)
    block&.call(recorder)
  end

  def define(name, **_opts, &block)
    machine = MachineConfig.new
    block&.call(machine)
    @defined[name.to_s] = machine
  end
end

class MachineConfig
  attr_reader :vm

  def initialize
    @vm = VmSettings.new
  end

  def method_missing(*)
    Recorder.new
  end

  def respond_to_missing?(*)
    true
  end
end

module Vagrant
  @machines = {}

  class << self
    attr_reader :machines
  end

  def self.configure(version)
    raise ArgumentError, "configuration version #{version.inspect}, expected \"2\"" unless version == "2"
    root = MachineConfig.new
    yield root
    @machines = root.vm.defined
  end
end

load ARGV.fetch(0)

machines = Vagrant.machines.map do |name, machine|
  vm = machine.vm
  {
    "name" => name,
    "settings" => vm.settings,
    "calls" => vm.calls.reject { |c| c["method"] == "provision" },
    "providers" => vm.providers.transform_values(&:settings),
    "provisioners" => vm.calls.select { |c| c["method"] == "provision" }
  }
end
puts JSON.pretty_generate(machines)
